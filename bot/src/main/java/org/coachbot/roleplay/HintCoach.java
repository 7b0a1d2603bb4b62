package org.coachbot.roleplay;

import org.coachbot.chat.Html;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.text.Texts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes the {@code /hint} answer: the scenario's tip, what to do at this moment of the call, and the knowledge
 * section that teaches it. Clearly marked as the coach speaking, so it is never mistaken for the customer.
 */
final class HintCoach {
    private static final int MAX_EXCERPT_CHARS = 180;
    private static final int SEARCH_RESULTS = 5;
    /** From this mood on, calming the customer comes before anything else. */
    private static final int UPSET_MOOD = 3;
    private final Texts texts;

    HintCoach(Texts texts) {
        this.texts = texts;
    }

    /** What to do now, and the section id it comes from (may be empty). */
    private record Focus(MoveKind move, String html, String section) {
    }

    String hint(Scenario scenario, Rubric rubric, Session session, KnowledgeBase knowledge, Retriever retriever) {
        Focus focus = focus(scenario, rubric, session);
        StringBuilder out = new StringBuilder(texts.get("hint.title"))
                .append('\n').append(Html.escape(scenario.hint()))
                .append("\n\n").append(focus.html());
        section(scenario, session, focus, knowledge, retriever).ifPresent(s -> out.append("\n\n").append(
                texts.get("hint.section", Html.escape(s.title()), Html.escape(s.topic()), Html.escape(excerpt(s)))));
        return out.toString();
    }

    /** Fix the last mistake first; then draw out a silent customer, calm an upset one, then resolve. */
    private Focus focus(Scenario scenario, Rubric rubric, Session session) {
        int turn = session.traineeTurns();
        Optional<Detector> mistake = session.moves().stream()
                .filter(m -> m.turn() == turn && m.polarity() == Polarity.BAD)
                .flatMap(m -> rubric.detector(m.detector()).stream())
                .max(Comparator.comparingInt(Detector::points));
        if (mistake.isPresent()) {
            Detector d = mistake.get();
            String quote = session.moves().stream().filter(m -> m.detector().equals(d.id()) && m.turn() == turn)
                    .findFirst().map(DetectedMove::quote).orElse("");
            return new Focus(d.move(), texts.get("hint.fix", Html.escape(quote), Html.escape(d.better())),
                    d.section());
        }
        if (scenario.silent() && !session.drawnOut()) {
            MoveKind move = scenario.drawnOutBy().contains(MoveKind.OPEN_QUESTION) ? MoveKind.OPEN_QUESTION
                    : scenario.drawnOutBy().iterator().next();
            return advise("hint.draw.out", move, rubric);
        }
        if (session.mood() >= UPSET_MOOD && !session.happened(MoveKind.APOLOGY)
                && !session.happened(MoveKind.EMPATHY)) {
            MoveKind move = scenario.calms().getOrDefault(MoveKind.EMPATHY, 0)
                    < scenario.calms().getOrDefault(MoveKind.APOLOGY, 0) ? MoveKind.EMPATHY : MoveKind.APOLOGY;
            return advise("hint.calm", move, rubric);
        }
        Optional<RemedyBeat> missing = scenario.remedy().stream()
                .filter(b -> !session.call().beats().contains(b.id())).findFirst();
        if (missing.isPresent()) {
            String section = rubric.detectorsFor(MoveKind.SOLUTION).stream().findFirst().map(Detector::section)
                    .orElse("");
            return new Focus(MoveKind.SOLUTION, texts.get("hint.remedy", Html.escape(missing.get().label())),
                    section);
        }
        if (!session.call().satisfied()) {
            return session.happened(MoveKind.PROMISE) ? advise("hint.calm", MoveKind.EMPATHY, rubric)
                    : advise("hint.next", MoveKind.PROMISE, rubric);
        }
        return advise("hint.close", MoveKind.CLOSING, rubric);
    }

    private Focus advise(String key, MoveKind move, Rubric rubric) {
        Optional<Detector> d = rubric.detectorsFor(move).stream().filter(x -> !x.move().bad()).findFirst();
        String advice = d.map(Detector::advice).orElse("");
        return new Focus(move, texts.get(key, Html.escape(texts.get("move." + move.key())), Html.escape(advice)),
                d.map(Detector::section).orElse(""));
    }

    /**
     * The section that teaches the focus: the retriever's hit that is the rule's own source or one the scenario
     * trains; else the rule's source; else the scenario's first trained section; else the best hit.
     */
    private Optional<Section> section(Scenario scenario, Session session, Focus focus, KnowledgeBase knowledge,
                                      Retriever retriever) {
        String query = scenario.customerType() + " " + texts.get("move." + focus.move().key()) + " "
                + session.lastCustomerLine();
        List<Hit> hits = retriever.search(query, SEARCH_RESULTS);
        return hits.stream().map(Hit::section)
                .filter(s -> s.id().equals(focus.section()) || scenario.trains().contains(s.id())).findFirst()
                .or(() -> knowledge.section(focus.section()))
                .or(() -> scenario.trains().stream().flatMap(id -> knowledge.section(id).stream()).findFirst())
                .or(() -> hits.stream().map(Hit::section).findFirst());
    }

    /** The start of the section, cut at a sentence end when one is near. */
    static String excerpt(Section s) {
        String body = s.body().replaceAll("\\s+", " ").strip();
        if (body.length() <= MAX_EXCERPT_CHARS) {
            return body;
        }
        String cut = body.substring(0, MAX_EXCERPT_CHARS);
        int end = Math.max(cut.lastIndexOf('。'), Math.max(cut.lastIndexOf('!'), cut.lastIndexOf('?')));
        return end > MAX_EXCERPT_CHARS / 2 ? cut.substring(0, end + 1) : cut + "…";
    }
}
