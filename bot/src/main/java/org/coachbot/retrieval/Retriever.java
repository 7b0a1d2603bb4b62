package org.coachbot.retrieval;

import java.util.List;

/** Finds the knowledge sections that answer a question. */
public interface Retriever {

    /**
     * Returns at most {@code maxResults} sections, best first, and only those above the retriever's relevance
     * threshold: an empty list means the question is outside the training material.
     */
    List<Hit> search(String query, int maxResults);
}
