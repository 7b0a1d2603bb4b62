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
    /**
     * Measured on questions-b.tsv (91 on-topic questions, 56 sections), Recall@1 / Recall@3 / MRR without threshold:
     * BM25 alone, smartcn 0.747 / 0.890 / 0.830, bigrams 0.703 / 0.846 / 0.789, bigrams + unigrams
     * 0.791 / 0.901 / 0.853; inside the hybrid 0.791 / 0.934 / 0.864, 0.824 / 0.923 / 0.883 and
     * 0.879 / 0.956 / 0.916. Unigrams let colloquial and mistyped questions (焦绿, 安扶, 沉么) still match.
     */
    public static final ChineseAnalysis DEFAULT_ANALYSIS = CjkAnalysis.CJK_BIGRAM_UNIGRAM;
    /**
     * A heading names the technique ("沉默对沉默"), so a match there is strong evidence. Boosts between 1 and 3
     * for title and 1 and 5 for tags moved the hybrid's Recall@3 by at most one question; these are the middle.
     */
    public static final float DEFAULT_TITLE_BOOST = 2.0f;
    /** Tags are the curated words agents type, so they weigh more than incidental body words. */
    public static final float DEFAULT_TAGS_BOOST = 3.0f;
    public static final float DEFAULT_BODY_BOOST = 1.0f;
    /**
     * BM25 alone declines a question whose best section scores below this. The lowest best score of an on-topic
     * question was 0.129, while off-topic ones reach 0.42 (沉默的羔羊是谁演的 matches 沉默): lexical scores cannot
     * tell off-topic questions apart, which is why the hybrid judges them by cosine instead.
     */
    public static final double DEFAULT_MIN_SCORE = 0.12;

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
}
