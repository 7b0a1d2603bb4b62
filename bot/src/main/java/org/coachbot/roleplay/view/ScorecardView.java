package org.coachbot.roleplay.view;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.text.Texts;
import org.coachbot.roleplay.scoring.PastDrill;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Writes the scorecard and the progress report as Telegram HTML, every dynamic text escaped. */
public final class ScorecardView {
    /** Sessions compared on each side of the trend: the latest few against the few before. */
    static final int TREND_WINDOW = 3;
    /** Fewest full sessions a trend is told from: two sessions are a difference, not a trend. */
    public static final int MIN_TREND_SESSIONS = 3;
    /** A change smaller than this is noise, not progress. */
    static final int TREND_THRESHOLD = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private final Texts texts;

    public ScorecardView(Texts texts) {
        this.texts = texts;
    }

    public String scorecard(Scenario scenario, Scorecard card, KnowledgeBase knowledge, int passMark) {
        StringBuilder out = new StringBuilder(texts.get("card.title", Html.escape(scenario.title())))
                .append('\n').append(texts.get("outcome." + card.outcome().name().toLowerCase(Locale.ROOT)
                        + (card.resolved() ? ".resolved" : "")))
                .append("\n\n").append(texts.get("card.total", card.total()))
                .append('\n').append(texts.get(card.total() >= passMark ? "card.pass" : "card.fail", passMark));
        for (Scorecard.DimensionScore d : card.dimensions()) {
            out.append('\n').append(texts.get("card.dimension", Html.escape(d.name()), d.score()));
            d.reasons().forEach(r -> out.append('\n').append(reason(r, card)));
        }
        adjustments(card, out);
        out.append("\n\n").append(texts.get("card.remedy"));
        for (Scorecard.Beat b : card.beats()) {
            out.append('\n').append(texts.get(b.done() ? "card.beat.done" : "card.beat.missed",
                    Html.escape(b.label())));
        }
        out.append('\n').append(texts.get("card.hidden", Html.escape(scenario.hidden())));
        out.append("\n\n").append(texts.get("card.observations"));
        if (card.observations().isEmpty()) {
            out.append('\n').append(texts.get("card.observations.none"));
        }
        for (int i = 0; i < card.observations().size(); i++) {
            Scorecard.Observation o = card.observations().get(i);
            String source = sourceOf(o.section(), knowledge);
            out.append('\n').append(o.missed()
                    ? texts.get("card.missed", i + 1, Html.escape(o.dimension()), Html.escape(o.advice()), source)
                    : texts.get("card.mistake", i + 1, Html.escape(o.dimension()), Html.escape(o.advice()),
                    Html.escape(o.quote()), Html.escape(o.better()), source));
        }
        out.append("\n\n").append(texts.get("card.strengths"));
        if (card.strengths().isEmpty()) {
            out.append('\n').append(texts.get("card.strengths.none"));
        }
        for (Scorecard.Strength s : card.strengths()) {
            String moves = String.join("、", s.moves().stream().map(m -> texts.get("move." + m.key())).toList());
            out.append('\n').append(texts.get("card.strength", Html.escape(moves), Html.escape(s.quote())));
        }
        return out.append("\n\n").append(texts.get("card.footer", card.turns(), card.hints())).toString();
    }

    /** One line a dimension's score came from, with its points. */
    private String reason(Scorecard.Reason r, Scorecard card) {
        String points = (r.points() > 0 ? "+" : "") + r.points();
        if (r.quote().isEmpty()) {
            long done = card.beats().stream().filter(Scorecard.Beat::done).count();
            return texts.get("card.reason.remedy", points, done, card.beats().size(),
                    card.resolved() ? texts.get("card.reason.resolved") : "");
        }
        return texts.get("card.reason.line", points, Html.escape(r.quote()));
    }

    /** The caps and deductions that brought the total below the dimensions' weighted average. */
    private void adjustments(Scorecard card, StringBuilder out) {
        if (card.adjustments().isEmpty()) {
            return;
        }
        out.append("\n\n").append(texts.get("card.adjustments", card.total(), card.average()));
        for (Scorecard.Adjustment a : card.adjustments()) {
            out.append('\n').append(texts.get("card.adjust." + a.kind().name().toLowerCase(Locale.ROOT),
                    a.points(), a.kind() == Scorecard.Adjustment.Kind.BREACH ? Html.escape(a.quote()) : a.lines()));
        }
    }

    /** {@code (知识来源:title)}, or nothing when the rule names no section. */
    private String sourceOf(String sectionId, KnowledgeBase knowledge) {
        if (sectionId.isEmpty()) {
            return "";
        }
        String title = knowledge.section(sectionId).map(Section::title)
                .orElse(sectionId.substring(sectionId.indexOf('#') + 1));
        return texts.get("card.source", Html.escape(title));
    }

    /** Recent sessions and drills (newest first), the average per dimension and the trend of 总分. */
    public String progress(List<PastSession> history, List<PastDrill> drills, ScenarioBook book, ZoneId zone) {
        StringBuilder out = new StringBuilder(texts.get("progress.title", history.size()));
        for (PastSession p : history) {
            String title = book.scenario(p.scenarioId()).map(Scenario::title).orElse(p.scenarioId());
            String icon = texts.get("outcome.icon." + p.outcome().name().toLowerCase(Locale.ROOT));
            out.append('\n').append(texts.get("progress.session", WHEN.format(p.endedAt().atZone(zone)),
                    Html.escape(title), icon, p.total()));
        }
        if (history.isEmpty()) {
            out.append('\n').append(texts.get("progress.sessions.none"));
        }
        if (!drills.isEmpty()) {
            out.append("\n\n").append(texts.get("progress.drills"));
        }
        for (PastDrill d : drills) {
            String name = book.rubric().flatMap(r -> r.dimension(d.dimension())).map(Dimension::name)
                    .orElse(d.dimension());
            out.append('\n').append(texts.get("progress.drill.done", WHEN.format(d.endedAt().atZone(zone)),
                    Html.escape(name), d.score()));
        }
        book.rubric().filter(r -> !history.isEmpty()).ifPresent(rubric -> {
            out.append("\n\n").append(texts.get("progress.averages"));
            for (Dimension d : rubric.dimensions()) {
                average(history, d.id()).ifPresent(avg -> out.append('\n')
                        .append(texts.get("card.dimension", Html.escape(d.name()), Math.round(avg))));
            }
        });
        return out.append("\n\n").append(trend(history)).toString();
    }

    /** Average of one dimension over the sessions that scored it. */
    public static OptionalDouble average(List<PastSession> sessions, String dimension) {
        return sessions.stream().filter(p -> p.scores().containsKey(dimension))
                .mapToInt(p -> p.scores().get(dimension)).average();
    }

    private String trend(List<PastSession> history) {
        if (history.size() < MIN_TREND_SESSIONS) {
            return texts.get("progress.trend.few");
        }
        int recentCount = Math.min(TREND_WINDOW, history.size() / 2 + history.size() % 2);
        List<PastSession> recent = history.subList(0, recentCount);
        List<PastSession> before = history.subList(recentCount, Math.min(history.size(), recentCount + TREND_WINDOW));
        long now = Math.round(recent.stream().mapToInt(PastSession::total).average().orElse(0));
        long then = Math.round(before.stream().mapToInt(PastSession::total).average().orElse(0));
        String key = now - then >= TREND_THRESHOLD ? "progress.trend.up"
                : then - now >= TREND_THRESHOLD ? "progress.trend.down" : "progress.trend.flat";
        return texts.get(key, now, then, Math.abs(now - then));
    }

    /** Labels of the trend chart, oldest first. */
    public static List<String> chartLabels(List<PastSession> oldestFirst, ZoneId zone) {
        List<String> out = new ArrayList<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("MM-dd");
        for (int i = 0; i < oldestFirst.size(); i++) {
            // Categories must be distinct, so two sessions on one day are told apart by their number.
            out.add("#" + (i + 1) + " " + day.format(oldestFirst.get(i).endedAt().atZone(zone)));
        }
        return out;
    }
}
