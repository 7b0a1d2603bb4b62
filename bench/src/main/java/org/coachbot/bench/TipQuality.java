package org.coachbot.bench;

import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.insights.AnswerKind;
import org.coachbot.insights.AskedQuestion;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.tips.TipService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the first message of a tip does on an evaluation set, asked through the real {@link TipService}: for
 * on-topic questions whether it holds the technique within the limit ({@link FirstMessage}) or wrongly declines;
 * for off-topic and uncovered questions whether they are declined, and whether "培训资料里没有这方面的内容" is
 * said only of questions that really are outside the material.
 *
 * @param onTopic            on-topic questions
 * @param firstMessageHits   on-topic questions whose first message is within the limit and quotes an expected section
 * @param onTopicDeclined    on-topic questions declined (off-topic or uncovered)
 * @param offTopic           off-topic questions
 * @param offTopicDeclined   off-topic questions declined
 * @param uncovered          in-domain questions the material does not cover
 * @param uncoveredDeclined  of those, declined (as uncovered or off-topic)
 * @param saidUncovered      questions answered "培训资料里没有这方面的内容"
 * @param saidUncoveredRight of those, questions the material indeed does not answer (uncovered or off-topic ones)
 * @param misses             on-topic questions without a hit and declinable ones that got a tip
 */
public record TipQuality(int onTopic, int firstMessageHits, int onTopicDeclined, int offTopic, int offTopicDeclined,
                         int uncovered, int uncoveredDeclined, int saidUncovered, int saidUncoveredRight,
                         List<Miss> misses) {
    private static final User AGENT = new User(1, "bench", false);

    public TipQuality {
        misses = List.copyOf(misses);
    }

    /** A question the first message got wrong, with what it showed. */
    public record Miss(EvalQuestion question, AnswerKind answer, List<String> shown, String message) {
    }

    /** Asks every question; {@code log} must be the log {@code tips} records into. */
    static TipQuality measure(TipService tips, InMemoryQuestionLog log, KnowledgeBase kb, int maxChars,
                              List<EvalQuestion> questions) {
        int on = 0;
        int hits = 0;
        int onDeclined = 0;
        int off = 0;
        int offDeclined = 0;
        int unc = 0;
        int uncDeclined = 0;
        int said = 0;
        int saidRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Reply reply = tips.answer(Incoming.text(AGENT, 1, q.question()), q.question());
            AskedQuestion asked = log.last();
            String text = Html.toPlain(reply.html());
            boolean declined = asked.answer() != AnswerKind.TIP;
            if (asked.answer() == AnswerKind.UNCOVERED) {
                said++;
                saidRight += q.offTopic() ? 1 : 0;
            }
            if (q.onTopic()) {
                on++;
                onDeclined += declined ? 1 : 0;
                List<Section> expected = q.expectedIds().stream().flatMap(id -> kb.section(id).stream()).toList();
                Optional<String> quoted = declined ? Optional.empty() : FirstMessage.quoted(text, expected, maxChars);
                if (quoted.isPresent()) {
                    hits++;
                } else {
                    misses.add(new Miss(q, asked.answer(), asked.sectionIds(), text));
                }
            } else {
                if (q.uncovered()) {
                    unc++;
                    uncDeclined += declined ? 1 : 0;
                } else {
                    off++;
                    offDeclined += declined ? 1 : 0;
                }
                if (!declined) {
                    misses.add(new Miss(q, asked.answer(), asked.sectionIds(), text));
                }
            }
        }
        return new TipQuality(on, hits, onDeclined, off, offDeclined, unc, uncDeclined, said, saidRight, misses);
    }

    /** Share of on-topic questions whose first message holds the technique within the limit. */
    public double firstMessageHitRate() {
        return share(firstMessageHits, onTopic);
    }

    /** Share of off-topic and uncovered questions that were declined. */
    public double declineRate() {
        return share(offTopicDeclined + uncoveredDeclined, offTopic + uncovered);
    }

    /** Share of on-topic questions that were declined. */
    public double onTopicDeclineRate() {
        return share(onTopicDeclined, onTopic);
    }

    /** Share of "not in the material" answers given to questions the material indeed does not answer. */
    public double uncoveredPrecision() {
        return share(saidUncoveredRight, saidUncovered);
    }

    private static double share(int count, int total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
