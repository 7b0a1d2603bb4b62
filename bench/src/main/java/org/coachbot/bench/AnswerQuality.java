package org.coachbot.bench;

import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.insights.AnswerKind;
import org.coachbot.insights.AskedQuestion;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.tips.TipService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether first messages answer the questions asked: for a covered question, the message is not a decline, fits
 * the limit and holds every key point (one of its phrasings); an uncovered question must be declined.
 *
 * @param covered          covered questions
 * @param answered         of those, first messages holding every key point within the limit
 * @param mostly           of those, first messages holding the first key point and at least half of them within the
 *                         limit (every item, for a list)
 * @param coveredDeclined  covered questions declined
 * @param uncovered        uncovered questions
 * @param uncoveredDeclined of those, declined
 * @param byType           answered / covered per question type
 * @param byStyle          answered / covered per way of writing
 * @param misses           covered questions not answered and uncovered ones not declined
 */
public record AnswerQuality(int covered, int answered, int mostly, int coveredDeclined, int uncovered, int uncoveredDeclined,
                            Map<String, int[]> byType, Map<String, int[]> byStyle, List<Miss> misses) {
    private static final User AGENT = new User(1, "bench", false);

    /** A question the first message got wrong, with the key points it lacked and what it showed. */
    public record Miss(AnswerQuestion question, AnswerKind answer, List<String> lacking, String message,
                       List<String> sectionIds) {
        public Miss {
            sectionIds = List.copyOf(sectionIds);
        }
    }

    /** Asks every question through the real tip service; {@code log} must be the log it records into. */
    static AnswerQuality measure(TipService tips, InMemoryQuestionLog log, int maxChars,
                                 List<AnswerQuestion> questions) {
        int covered = 0;
        int answered = 0;
        int mostly = 0;
        int coveredDeclined = 0;
        int uncovered = 0;
        int uncoveredDeclined = 0;
        Map<String, int[]> byType = new TreeMap<>();
        Map<String, int[]> byStyle = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (AnswerQuestion q : questions) {
            Reply reply = tips.answer(Incoming.text(AGENT, 1, q.question()), q.question());
            AskedQuestion asked = log.last();
            String plain = Html.toPlain(reply.html());
            boolean declined = asked.answer() == AnswerKind.OFF_TOPIC || asked.answer() == AnswerKind.UNCOVERED;
            if (!q.covered()) {
                uncovered++;
                if (declined) {
                    uncoveredDeclined++;
                } else {
                    misses.add(new Miss(q, asked.answer(), List.of(), plain, asked.sectionIds()));
                }
                continue;
            }
            covered++;
            coveredDeclined += declined ? 1 : 0;
            List<String> lacking = declined ? List.of("(declined)") : lacking(q, plain, maxChars);
            boolean ok = lacking.isEmpty();
            answered += ok ? 1 : 0;
            mostly += !declined && mostlyHeld(q, lacking) ? 1 : 0;
            count(byType, q.type(), ok);
            count(byStyle, q.style(), ok);
            if (!ok) {
                misses.add(new Miss(q, asked.answer(), lacking, plain, asked.sectionIds()));
            }
        }
        return new AnswerQuality(covered, answered, mostly, coveredDeclined, uncovered, uncoveredDeclined, byType, byStyle,
                misses);
    }

    /** The key points the message lacks (each shown by its first phrasing), or "too long". */
    static List<String> lacking(AnswerQuestion q, String plainMessage, int maxChars) {
        if (plainMessage.length() > maxChars) {
            return List.of("(over " + maxChars + " characters)");
        }
        String folded = AnswerSet.folded(plainMessage);
        List<String> out = new ArrayList<>();
        for (List<String> point : q.must()) {
            if (point.stream().noneMatch(folded::contains)) {
                out.add(point.get(0));
            }
        }
        return out;
    }

    /** The first point and at least half of all points are held; a list needs every item. */
    static boolean mostlyHeld(AnswerQuestion q, List<String> lacking) {
        if (lacking.isEmpty()) {
            return true;
        }
        if (q.type().equals("list") || lacking.get(0).startsWith("(") || lacking.contains(q.must().get(0).get(0))) {
            return false;
        }
        return 2 * lacking.size() <= q.must().size();
    }

    /** Share of covered questions whose first message holds the first and most of the key points. */
    public double mostlyRate() {
        return share(mostly, covered);
    }

    private static void count(Map<String, int[]> counts, String key, boolean ok) {
        int[] c = counts.computeIfAbsent(key, k -> new int[2]);
        c[0] += ok ? 1 : 0;
        c[1]++;
    }

    /** Share of covered questions whose first message holds the answer. */
    public double answerRate() {
        return share(answered, covered);
    }

    /** Share of uncovered questions declined. */
    public double uncoveredDeclineRate() {
        return share(uncoveredDeclined, uncovered);
    }

    /** Share of covered questions declined. */
    public double coveredDeclineRate() {
        return share(coveredDeclined, covered);
    }

    /**
     * Why covered questions were missed, in aggregate: declined; the section shown holds every key point but the
     * first message left some out; another single section holds them all (retrieval chose wrong); or no single
     * section holds them all (the answer spans sections, or the knowledge words it otherwise). Ordinary questions,
     * covered or not, that got a danger's steps are counted apart: they are near-miss alarms of the safety check.
     */
    String causes(KnowledgeBase kb) {
        Map<String, String> textById = new java.util.HashMap<>();
        kb.sections().forEach(s -> textById.put(s.id(), AnswerSet.folded(s.title() + "\n" + s.body())));
        int declined = 0;
        int shownHolds = 0;
        int otherHolds = 0;
        int none = 0;
        int safety = 0;
        for (Miss m : misses) {
            if (m.answer() == AnswerKind.SAFETY) {
                safety++;
                continue;
            }
            if (!m.question().covered()) {
                continue;
            }
            if (m.lacking().contains("(declined)")) {
                declined++;
            } else if (m.sectionIds().stream().map(textById::get).anyMatch(t -> t != null && holdsAll(m.question(), t))) {
                shownHolds++;
            } else if (textById.values().stream().anyMatch(t -> holdsAll(m.question(), t))) {
                otherHolds++;
            } else {
                none++;
            }
        }
        return "shown section holds every point " + shownHolds + ", another section does " + otherHolds
                + ", no single section does " + none + ", declined " + declined
                + "; ordinary questions given a danger's steps " + safety;
    }

    private static boolean holdsAll(AnswerQuestion q, String folded) {
        return q.must().stream().allMatch(point -> point.stream().anyMatch(folded::contains));
    }

    /** "answered/covered" per key of a breakdown, e.g. {@code list 20/27}. */
    static String breakdown(Map<String, int[]> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, c) -> parts.add(k + " " + c[0] + "/" + c[1]));
        return String.join(", ", parts);
    }

    static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

}
