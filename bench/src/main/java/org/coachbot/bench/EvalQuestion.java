package org.coachbot.bench;

import java.util.Objects;
import java.util.Set;

/**
 * One line of an evaluation set: a question as agents type it and the sections that answer it.
 *
 * @param question     the question, typos and Traditional characters included
 * @param expectedIds  section ids any of which is a correct answer; empty when the question must be declined
 * @param source       {@code file:line} for reports
 * @param uncovered    about customer service but not covered by the material (declined as such); false for an
 *                     off-topic question
 */
public record EvalQuestion(String question, Set<String> expectedIds, String source, boolean uncovered) {
    public EvalQuestion {
        Objects.requireNonNull(question, "question must not be null");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        expectedIds = Set.copyOf(expectedIds);
        source = source == null ? "" : source;
        if (uncovered && !expectedIds.isEmpty()) {
            throw new IllegalArgumentException("an uncovered question expects no section: " + question);
        }
    }

    /** An on-topic question when {@code expectedIds} is not empty, else an off-topic one. */
    public EvalQuestion(String question, Set<String> expectedIds, String source) {
        this(question, expectedIds, source, false);
    }

    /** Whether the correct outcome is a decline: off-topic or not covered by the material. */
    public boolean offTopic() {
        return expectedIds.isEmpty();
    }

    /** Whether the material answers it. */
    public boolean onTopic() {
        return !expectedIds.isEmpty();
    }

    /** The set the question comes from, e.g. {@code questions-e.tsv}. */
    public String set() {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }
}
