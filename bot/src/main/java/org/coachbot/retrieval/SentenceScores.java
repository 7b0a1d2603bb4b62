package org.coachbot.retrieval;

import org.coachbot.knowledge.Section;

/**
 * How close each sentence of a section is to the question, by meaning: one cosine per sentence, in the order of
 * {@link org.coachbot.knowledge.SectionSentences#of}. A tip chooses what to show by it rather than by position.
 */
@FunctionalInterface
public interface SentenceScores {
    /** Nothing is known about the sentences; callers fall back to comparing words. */
    SentenceScores NONE = section -> new double[0];

    /** The cosines of the section's sentences, or an empty array when they are not known. */
    double[] of(Section section);
}
