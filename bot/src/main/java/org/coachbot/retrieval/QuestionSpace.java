package org.coachbot.retrieval;

import org.coachbot.meaning.LinearClassifier;

import java.util.Objects;
import java.util.Optional;

/**
 * What a question is compared with besides whole sections: topics the material does not cover, every sentence of
 * every section, the questions agents ask that each section answers, and a classifier learned from questions
 * outside the material against the sections' questions. Everything here is embedded by the dense model.
 *
 * @param scope the probability that a question is outside the material; empty when there was nothing to learn from
 */
public record QuestionSpace(UncoveredTopics topics, SentenceVectors sentences, SentenceVectors asks,
                            Optional<LinearClassifier> scope) {
    /** Nothing but the sections. */
    public static final QuestionSpace NONE = new QuestionSpace(UncoveredTopics.NONE, SentenceVectors.NONE,
            SentenceVectors.NONE, Optional.empty());

    public QuestionSpace {
        Objects.requireNonNull(topics, "topics must not be null");
        Objects.requireNonNull(sentences, "sentences must not be null");
        Objects.requireNonNull(asks, "asks must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
    }

    /** The probability that a unit query vector is outside the material, 0 without a classifier. */
    double outside(float[] unitQuery) {
        return scope.map(c -> c.probabilities(unitQuery)[0]).orElse(0.0);
    }
}
