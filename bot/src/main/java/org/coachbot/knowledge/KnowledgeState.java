package org.coachbot.knowledge;

import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.time.Instant;
import java.util.Objects;

/**
 * One complete, consistent version of the knowledge: sections, their index, scenarios and rubric. Features read
 * it once per answer, so an answer never mixes two versions.
 *
 * @param version the knowledge version number, the one {@code /kb history} shows and rollback restores; it stays
 *                the same across restarts while the files do not change
 */
public record KnowledgeState(KnowledgeBase knowledge, Retriever retriever, ScenarioBook book, int version,
                             Instant loadedAt) {
    public KnowledgeState {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(retriever, "retriever must not be null");
        Objects.requireNonNull(book, "book must not be null");
        Objects.requireNonNull(loadedAt, "loadedAt must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
    }

    /** Every problem of the files that did not load, knowledge first, then scenarios and rubric. */
    public java.util.List<KnowledgeFormatException> problems() {
        java.util.List<KnowledgeFormatException> all = new java.util.ArrayList<>(knowledge.problems());
        all.addAll(book.problems());
        return all;
    }
}
