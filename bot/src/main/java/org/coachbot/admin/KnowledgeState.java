package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.time.Instant;
import java.util.Objects;

/** One complete, consistent version of the knowledge: sections, their index, scenarios and rubric. */
public record KnowledgeState(KnowledgeBase knowledge, Retriever retriever, ScenarioBook book, int version,
                             Instant loadedAt) {
    public KnowledgeState {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(retriever, "retriever must not be null");
        Objects.requireNonNull(book, "book must not be null");
        Objects.requireNonNull(loadedAt, "loadedAt must not be null");
    }
}
