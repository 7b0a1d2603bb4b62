package org.coachbot.tips;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.retrieval.Retriever;

import java.util.Objects;

/**
 * One snapshot of the knowledge a tip is answered from, read once per answer so the sections, their index and the
 * version recorded with the question always belong together.
 *
 * @param version the knowledge version recorded with each question and its feedback
 */
public record TipSource(KnowledgeBase knowledge, Retriever retriever, long version) {
    public TipSource {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(retriever, "retriever must not be null");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0");
        }
    }
}
