package org.coachbot.roleplay.view;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.text.Texts;

import java.util.List;

/**
 * The result of a drill as Telegram HTML: the one dimension it trained, its score against the pass mark, and only
 * the observations and strengths about that dimension. The call was cut short on purpose, so the total and the
 * remedy, which a few lines cannot reach, are left out.
 */
public final class DrillView {
    private final Texts texts;

    public DrillView(Texts texts) {
        this.texts = texts;
    }

    /** The drill's card; {@code dimension} is the rubric id the drill trained. */
    public String card(Scenario scenario, Rubric rubric, Scorecard card, String dimension, KnowledgeBase knowledge,
                       int passMark) {
        String name = rubric.dimension(dimension).map(Dimension::name).orElse(dimension);
        int score = score(card, dimension);
        StringBuilder out = new StringBuilder(texts.get("drill.card.title", Html.escape(name)))
                .append('\n').append(texts.get("drill.card.scenario", Html.escape(scenario.title()), card.turns()))
                .append("\n\n").append(texts.get("drill.card.score", Html.escape(name), score))
                .append('\n').append(texts.get(score >= passMark ? "card.pass" : "card.fail", passMark));
        List<Scorecard.Observation> notes = card.observations().stream().filter(o -> o.dimension().equals(name))
                .toList();
        out.append("\n\n").append(texts.get("card.observations"));
        if (notes.isEmpty()) {
            out.append('\n').append(texts.get("card.observations.none"));
        }
        for (int i = 0; i < notes.size(); i++) {
            Scorecard.Observation o = notes.get(i);
            String source = o.section().isEmpty() ? "" : texts.get("card.source", Html.escape(knowledge
                    .section(o.section()).map(Section::title).orElse(o.section())));
            out.append('\n').append(o.missed()
                    ? texts.get("card.missed", i + 1, Html.escape(o.dimension()), Html.escape(o.advice()), source)
                    : texts.get("card.mistake", i + 1, Html.escape(o.dimension()), Html.escape(o.advice()),
                    Html.escape(o.quote()), Html.escape(o.better()), source));
        }
        List<Scorecard.Strength> strengths = card.strengths().stream()
                .filter(s -> s.moves().stream().anyMatch(m -> rubric.detectorsFor(m).stream()
                        .map(Detector::dimension).anyMatch(dimension::equals)))
                .toList();
        if (!strengths.isEmpty()) {
            out.append("\n\n").append(texts.get("card.strengths"));
            for (Scorecard.Strength s : strengths) {
                String moves = String.join("、", s.moves().stream().map(m -> texts.get("move." + m.key())).toList());
                out.append('\n').append(texts.get("card.strength", Html.escape(moves), Html.escape(s.quote())));
            }
        }
        return out.append("\n\n").append(texts.get("card.footer", card.turns(), card.hints())).toString();
    }

    /** The drill's score: its dimension's score in the card, 0 when the rubric no longer has it. */
    public static int score(Scorecard card, String dimension) {
        return card.dimensions().stream().filter(d -> d.id().equals(dimension))
                .mapToInt(Scorecard.DimensionScore::score).findFirst().orElse(0);
    }
}
