package org.coachbot.library;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    public List<KnowledgeFormatException> problems() {
        List<KnowledgeFormatException> all = new ArrayList<>(knowledge.problems());
        all.addAll(book.problems());
        return all;
    }
}
