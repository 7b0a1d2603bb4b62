package org.coachbot.insights;

import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.text.Resources;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text a question is grouped by: normalised as retrieval normalises it (繁體, full-width, 我该…), without the
 * words that only frame a question ({@code insights/framing.txt}). Two questions with the same key count as one
 * wording.
 */
public final class QuestionText {
    static final String FRAMING_RESOURCE = "insights/framing.txt";
    private final QueryNormalizer normalizer = new QueryNormalizer();
    private final List<String> framingWords;
    private final Pattern framing;

    /** With the framing words of {@code insights/framing.txt}. */
    public QuestionText() {
        this(readFraming());
    }

    public QuestionText(List<String> framingWords) {
        this.framingWords = List.copyOf(framingWords);
        // One alternation, longest first, so 怎么办 goes before 怎么 leaves 办 behind.
        this.framing = framingWords.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(framingWords.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
    }

    /** The key of a question; the normalised question when nothing but framing words is left. */
    public String key(String question) {
        String q = normalizer.question(question);
        String stripped = framing.matcher(q).replaceAll("").replaceAll("\\s+", " ").strip();
        return !stripped.isEmpty() ? stripped : !q.isEmpty() ? q : question.strip();
    }

    /** Changes whenever the framing words do, so vectors of differently framed texts are not mixed. */
    String version() {
        return Integer.toHexString(framingWords.hashCode());
    }

    private static List<String> readFraming() {
        return Resources.text(FRAMING_RESOURCE).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
