package org.coachbot.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * A retriever's judgement of a question and the sections found for it, best first.
 *
 * @param coverage  whether the material answers the question
 * @param hits      for {@link Coverage#COVERED} the sections that answer it; for {@link Coverage#UNCOVERED} the
 *                  nearest sections, which do not; empty for {@link Coverage#OFF_TOPIC}
 * @param gap       for {@link Coverage#UNCOVERED} the glossary topic the question matched, else empty
 * @param sentences how close each sentence of a section is to the question, {@link SentenceScores#NONE} when the
 *                  retriever does not know
 */
public record Retrieval(Coverage coverage, List<Hit> hits, String gap, SentenceScores sentences) {
    public Retrieval {
        Objects.requireNonNull(coverage, "coverage must not be null");
        hits = List.copyOf(hits);
        gap = gap == null ? "" : gap;
        sentences = sentences == null ? SentenceScores.NONE : sentences;
        if (coverage == Coverage.COVERED && hits.isEmpty()) {
            throw new IllegalArgumentException("a covered question needs at least one hit");
        }
    }

    /** The material answers the question with these sections. */
    public static Retrieval covered(List<Hit> hits) {
        return new Retrieval(Coverage.COVERED, hits, "", SentenceScores.NONE);
    }

    /** Not about customer service. */
    public static Retrieval offTopic() {
        return new Retrieval(Coverage.OFF_TOPIC, List.of(), "", SentenceScores.NONE);
    }

    /** About customer service but not in the material; {@code nearest} are offered, not shown as the answer. */
    public static Retrieval uncovered(List<Hit> nearest, String gap) {
        return new Retrieval(Coverage.UNCOVERED, nearest, gap, SentenceScores.NONE);
    }

    /** The same judgement, with the closeness of each sentence to the question. */
    public Retrieval with(SentenceScores scores) {
        return new Retrieval(coverage, hits, gap, scores);
    }
}
