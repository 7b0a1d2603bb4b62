package org.coachbot.bench;

import java.util.List;
import java.util.Objects;

/**
 * One agent question of an answer set: whether the training material covers it, what kind of answer it asks for,
 * and the key points a first message must hold to answer it.
 *
 * @param type   list, what, howto, yesno or situation
 * @param must   for a covered question the points, each a list of alternative phrasings; empty when uncovered
 * @param source {@code file:line}
 */
public record AnswerQuestion(String question, boolean covered, String type, String gist, List<List<String>> must,
                             String source) {
    public AnswerQuestion {
        Objects.requireNonNull(question, "question must not be null");
        must = must.stream().map(List::copyOf).toList();
        if (covered && must.isEmpty()) {
            throw new IllegalArgumentException(source + ": a covered question needs key points");
        }
    }

    /** The set the question comes from, e.g. {@code answers-g.tsv}. */
    public String set() {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** How the agent wrote it: in Traditional characters, mixing English, or plain Simplified Chinese. */
    public String style() {
        if (question.matches(".*[A-Za-z]{2,}.*")) {
            return "mixed English";
        }
        String simplified = com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(question);
        return simplified.equals(question) ? "plain" : "繁體";
    }
}
