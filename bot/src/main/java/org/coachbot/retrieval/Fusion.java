package org.coachbot.retrieval;

/** How {@link HybridRetriever} orders sections from the lexical and the semantic scores. */
public enum Fusion {
    /** Sum of {@code 1 / (k + rank)} over both rankings: ignores score scales, uses positions only. */
    RECIPROCAL_RANK,
    /** {@code w · cosine + (1 - w) · normalised BM25}: keeps how much better the first hit is than the second. */
    WEIGHTED_SCORE
}
