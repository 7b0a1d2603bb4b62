package org.coachbot.bench;

import java.util.Objects;
import java.util.Set;

/**
 * One line of an evaluation set: a question as agents type it and the sections that answer it.
 *
 * @param question     the question, typos and Traditional characters included
 * @param expectedIds  section ids any of which is a correct answer; empty when the question is off-topic
 * @param source       {@code file:line} for reports
 */
public record EvalQuestion(String question, Set<String> expectedIds, String source) {
    public EvalQuestion {
        Objects.requireNonNull(question, "question must not be null");
        if (question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        expectedIds = Set.copyOf(expectedIds);
        source = source == null ? "" : source;
    }

    /** Whether the correct outcome is an empty result. */
    public boolean offTopic() {
        return expectedIds.isEmpty();
    }
}
