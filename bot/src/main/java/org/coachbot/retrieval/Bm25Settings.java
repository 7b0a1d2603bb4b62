package org.coachbot.retrieval;

import java.util.Objects;

/**
 * How {@link Bm25Retriever} analyses and weighs the fields of a section.
 *
 * @param analysis    how Chinese text is cut into terms
 * @param titleBoost  weight of a term found in the section heading
 * @param tagsBoost   weight of a term found in the tags, the words agents actually type
 * @param bodyBoost   weight of a term found in the section text
 * @param minScore    normalised score (0–1) a section needs to be returned by {@link Bm25Retriever#search}
 */
public record Bm25Settings(ChineseAnalysis analysis, float titleBoost, float tagsBoost, float bodyBoost,
                           double minScore) {
    /** Bigrams beat smartcn on the evaluation set; see {@code RetrievalBenchmark} for the figures. */
    public static final ChineseAnalysis DEFAULT_ANALYSIS = ChineseAnalysis.CJK_BIGRAM_UNIGRAM;
    /** A heading names the technique ("沉默对沉默"), so a match there is strong evidence. */
    public static final float DEFAULT_TITLE_BOOST = 2.0f;
    /** Tags are curated synonyms of what agents type; they weigh more than incidental body words. */
    public static final float DEFAULT_TAGS_BOOST = 3.0f;
    public static final float DEFAULT_BODY_BOOST = 1.0f;
    /** Stand-alone BM25 declines a question when less than this share of its weighted terms match. */
    public static final double DEFAULT_MIN_SCORE = 0.2;

    public Bm25Settings {
        Objects.requireNonNull(analysis, "analysis must not be null");
        if (titleBoost < 0 || tagsBoost < 0 || bodyBoost < 0) {
            throw new IllegalArgumentException("boosts must be >= 0");
        }
        if (titleBoost + tagsBoost + bodyBoost == 0) {
            throw new IllegalArgumentException("at least one boost must be > 0");
        }
        if (minScore < 0) {
            throw new IllegalArgumentException("minScore must be >= 0");
        }
    }

    /** The settings measured best on the evaluation set. */
    public static Bm25Settings defaults() {
        return new Bm25Settings(DEFAULT_ANALYSIS, DEFAULT_TITLE_BOOST, DEFAULT_TAGS_BOOST, DEFAULT_BODY_BOOST,
                DEFAULT_MIN_SCORE);
    }

    /** The same settings with another analysis. */
    public Bm25Settings withAnalysis(ChineseAnalysis other) {
        return new Bm25Settings(other, titleBoost, tagsBoost, bodyBoost, minScore);
    }

    /** The same settings with another threshold. */
    public Bm25Settings withMinScore(double other) {
        return new Bm25Settings(analysis, titleBoost, tagsBoost, bodyBoost, other);
    }
}
