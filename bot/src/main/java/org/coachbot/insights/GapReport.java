package org.coachbot.insights;

import org.coachbot.chat.Html;
import org.coachbot.text.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /gaps}: the questions the knowledge did not answer in a period, grouped by meaning, biggest group first,
 * so an admin sees "「客户要加我微信」 ×7" and knows which section to write.
 *
 * <p>Three blocks: questions declined as not covered; tips that got a 👎, naming the section they led with; and
 * questions declined as off-topic, but only those asked at least twice. A one-off off-topic question is mostly
 * noise (a greeting, a message meant for someone else), while the same one asked again and again is either an
 * on-topic need the off-topic threshold misjudged or a need the team has, and worth an admin's look.
 */
final class GapReport {
    /** Groups listed per block; the rest are summed up in one line to keep the message readable on a phone. */
    static final int MAX_GROUPS = 10;
    /** Off-topic groups smaller than this are left out, see the class comment. */
    static final int MIN_OFF_TOPIC_GROUP = 2;
    static final int EXAMPLE_CHARS = 40;
    private static final Pattern LONG_NUMBER = Pattern.compile("(\\d{3})\\d{4,}");

    private final SqliteQuestionLog log;
    private final QuestionVectors vectors;
    private final MeaningGroups grouping;
    private final Texts texts;

    /** Questions that mean the same; {@code example} is the wording that stands for them, see {@link #example}. */
    record Gap(List<LoggedQuestion> questions, String example) {
        int count() {
            return questions.size();
        }
    }

    GapReport(SqliteQuestionLog log, QuestionVectors vectors, MeaningGroups grouping, Texts texts) {
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.vectors = Objects.requireNonNull(vectors, "vectors must not be null");
        this.grouping = Objects.requireNonNull(grouping, "grouping must not be null");
        this.texts = Objects.requireNonNull(texts, "texts must not be null");
    }

    /** The report for a period, as HTML. */
    String render(DateRange range, QuestionVectors.Progress progress) {
        List<LoggedQuestion> all = log.gaps(range.from(), range.until());
        StringBuilder out = new StringBuilder(texts.get("gaps.title", range.first(), range.last()));
        if (all.isEmpty()) {
            return out.append("\n\n").append(texts.get("gaps.none")).toString();
        }
        Map<Long, float[]> v = vectors.of(all, progress);
        List<Gap> uncovered = group(select(all, q -> q.answer() == AnswerKind.UNCOVERED), v);
        List<Gap> unhelpful = group(select(all, q -> q.answer() == AnswerKind.TIP && q.unhelpful() > 0), v);
        List<Gap> offTopic = group(select(all, q -> q.answer() == AnswerKind.OFF_TOPIC), v).stream()
                .filter(g -> g.count() >= MIN_OFF_TOPIC_GROUP).toList();
        block(out, "gaps.uncovered", uncovered, false);
        block(out, "gaps.unhelpful", unhelpful, true);
        block(out, "gaps.offtopic", offTopic, false);
        return out.append("\n\n").append(texts.get("gaps.hint")).toString();
    }

    /** Groups questions by meaning; identical wordings (after normalisation) count together from the start. */
    List<Gap> group(List<LoggedQuestion> questions, Map<Long, float[]> v) {
        Map<String, List<LoggedQuestion>> byWording = new LinkedHashMap<>();
        for (LoggedQuestion q : questions) {
            byWording.computeIfAbsent(vectors.key(q.text()), k -> new ArrayList<>()).add(q);
        }
        List<List<LoggedQuestion>> wordings = List.copyOf(byWording.values());
        List<float[]> unit = wordings.stream().map(w -> v.get(w.get(0).id())).toList();
        int[] weights = wordings.stream().mapToInt(List::size).toArray();
        List<Gap> out = new ArrayList<>();
        for (List<Integer> members : grouping.group(unit, weights)) {
            List<LoggedQuestion> qs = members.stream().flatMap(i -> wordings.get(i).stream()).toList();
            List<LoggedQuestion> top = wordings.get(example(members, unit, weights));
            // The latest spelling of that wording: what agents type today.
            out.add(new Gap(qs, top.get(top.size() - 1).text()));
        }
        return out;
    }

    /**
     * The wording shown for a group: the most asked one; among equally asked ones, the closest to the group's
     * mean, which says the need most plainly (an outlier such as a half-English wording is a poor example).
     */
    private static int example(List<Integer> members, List<float[]> unit, int[] weights) {
        double[] sum = new double[unit.get(members.get(0)).length];
        for (int m : members) {
            float[] v = unit.get(m);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        int best = members.get(0);
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int m : members) {
            if (weights[m] < weights[best]) {
                continue;
            }
            double dot = 0;
            float[] v = unit.get(m);
            for (int d = 0; d < sum.length; d++) {
                dot += sum[d] * v[d];
            }
            if (weights[m] > weights[best] || dot > bestDot) {
                best = m;
                bestDot = dot;
            }
        }
        return best;
    }

    private void block(StringBuilder out, String key, List<Gap> gaps, boolean withSections) {
        if (gaps.isEmpty()) {
            return;
        }
        int questions = gaps.stream().mapToInt(Gap::count).sum();
        out.append("\n\n").append(texts.get(key + ".title", questions, gaps.size()));
        for (int i = 0; i < Math.min(MAX_GROUPS, gaps.size()); i++) {
            Gap g = gaps.get(i);
            out.append("\n").append(texts.get("gaps.item", i + 1, Html.escape(shorten(g.example())), g.count()));
            if (withSections) {
                out.append(texts.get("gaps.item.sections", sections(g)));
            }
        }
        if (gaps.size() > MAX_GROUPS) {
            List<Gap> rest = gaps.subList(MAX_GROUPS, gaps.size());
            out.append("\n").append(texts.get("gaps.more", rest.size(), rest.stream().mapToInt(Gap::count).sum()));
        }
    }

    /** The sections the group's tips led with, most frequent first, at most two. */
    private String sections(Gap g) {
        Map<String, Long> counts = g.questions().stream().map(LoggedQuestion::leadSection)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
        List<String> shown = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2)
                .map(e -> SectionNames.html(e.getKey(), texts) + (counts.size() > 1 ? " ×" + e.getValue() : ""))
                .toList();
        String joined = String.join(texts.get("list.separator"), shown);
        return counts.size() > 2 ? joined + texts.get("gaps.sections.more", counts.size() - 2) : joined;
    }

    private static List<LoggedQuestion> select(List<LoggedQuestion> all, Predicate<LoggedQuestion> which) {
        return all.stream().filter(which).toList();
    }

    /**
     * One line of at most {@link #EXAMPLE_CHARS}, with long digit runs masked: agents paste phone and order
     * numbers into questions, and the admins reading {@code /gaps} need the need, not the customer.
     */
    static String shorten(String text) {
        String oneLine = LONG_NUMBER.matcher(text.strip().replaceAll("\\s+", " ")).replaceAll("$1****");
        return oneLine.codePointCount(0, oneLine.length()) <= EXAMPLE_CHARS ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, EXAMPLE_CHARS - 1)) + "…";
    }
}
