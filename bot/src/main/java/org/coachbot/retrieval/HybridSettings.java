package org.coachbot.retrieval;

import java.util.Objects;

/**
 * How {@link HybridRetriever} fuses and filters.
 *
 * @param fusion       how the two rankings are combined into one order
 * @param denseWeight  share of the cosine in the relevance score, the rest is normalised BM25
 * @param rrfK         the {@code k} of reciprocal-rank fusion
 * @param minCosine    cosine the question's closest section must reach; below it the question is off-topic
 * @param minShareOfBest share of the best hit's score a further hit needs, so weak extras are not shown
 * @param cacheSize    number of recent queries whose answers are kept
 */
public record HybridSettings(Fusion fusion, double denseWeight, int rrfK, double minCosine, double minShareOfBest,
                             long cacheSize) {
    public static final Fusion DEFAULT_FUSION = Fusion.WEIGHTED_SCORE;
    public static final double DEFAULT_DENSE_WEIGHT = 0.5;
    /** 60 is the value of the original RRF paper (Cormack et al. 2009) and works across collections. */
    public static final int DEFAULT_RRF_K = 60;
    public static final double DEFAULT_MIN_COSINE = 0.56;
    public static final double DEFAULT_MIN_SHARE_OF_BEST = 0.8;
    /** A team asks the same few dozen questions all day; 1,000 answers take well under a megabyte. */
    public static final long DEFAULT_CACHE_SIZE = 1_000;

    public HybridSettings {
        Objects.requireNonNull(fusion, "fusion must not be null");
        if (denseWeight < 0 || denseWeight > 1) {
            throw new IllegalArgumentException("denseWeight must be between 0 and 1");
        }
        if (rrfK <= 0) {
            throw new IllegalArgumentException("rrfK must be > 0");
        }
        if (minCosine < -1 || minCosine > 1) {
            throw new IllegalArgumentException("minCosine must be between -1 and 1");
        }
        if (minShareOfBest < 0 || minShareOfBest > 1) {
            throw new IllegalArgumentException("minShareOfBest must be between 0 and 1");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0");
        }
    }

    /** The settings measured best on the evaluation set. */
    public static HybridSettings defaults() {
        return new HybridSettings(DEFAULT_FUSION, DEFAULT_DENSE_WEIGHT, DEFAULT_RRF_K, DEFAULT_MIN_COSINE,
                DEFAULT_MIN_SHARE_OF_BEST, DEFAULT_CACHE_SIZE);
    }

    /** The same settings with another fusion. */
    public HybridSettings withFusion(Fusion other) {
        return new HybridSettings(other, denseWeight, rrfK, minCosine, minShareOfBest, cacheSize);
    }

    /** The same settings with another dense weight. */
    public HybridSettings withDenseWeight(double other) {
        return new HybridSettings(fusion, other, rrfK, minCosine, minShareOfBest, cacheSize);
    }

    /** The same settings with another threshold. */
    public HybridSettings withMinCosine(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, other, minShareOfBest, cacheSize);
    }

    /** The same settings with another share of the best score; 0 keeps every hit of an on-topic question. */
    public HybridSettings withMinShareOfBest(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, other, cacheSize);
    }

    /** The same settings with another cache size; 0 disables the cache. */
    public HybridSettings withCacheSize(long other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, minShareOfBest, other);
    }
}
