package org.coachbot.retrieval;

import java.util.List;

/** Finds the knowledge sections that answer a question. */
public interface Retriever {

    /**
     * Returns at most {@code maxResults} sections, best first, and only those above the retriever's relevance
     * threshold: an empty list means the material does not answer the question.
     */
    List<Hit> search(String query, int maxResults);

    /**
     * Judges the question and finds its sections: answered, about customer service but not covered by the
     * material, or off-topic. Retrievers that cannot tell the last two apart call every empty result off-topic.
     */
    default Retrieval retrieve(String query, int maxResults) {
        List<Hit> hits = search(query, maxResults);
        return hits.isEmpty() ? Retrieval.offTopic() : Retrieval.covered(hits);
    }
}
