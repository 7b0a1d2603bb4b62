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
 * @param uncoveredMargin how much closer than the best section and the best sentence a question must be to a topic the glossary lists as
 *                     not covered (and at least {@code minCosine}) to be declined as uncovered
 * @param cacheSize    number of recent queries whose answers are kept
 * @param askOffset    taken off the cosine of a section's closest example question before it counts as the
 *                     section's closeness: a question is naturally closer to another question than to a passage
 * @param scopeThreshold probability, by the classifier learned from the glossary's questions outside the material
 *                     and the sections' example questions, above which a question is declined as not covered
 * @param answersAnyway cosine of a section or sentence at which the question counts as answered whatever the
 *                     classifier says
 */
public record HybridSettings(Fusion fusion, double denseWeight, int rrfK, double minCosine, double minShareOfBest,
                             double uncoveredMargin, long cacheSize, double askOffset, double scopeThreshold,
                             double answersAnyway) {
    /**
     * Measured on questions-b.tsv (91 on-topic questions, 56 sections), Recall@1 / Recall@3 / MRR: weighted score
     * 0.879 / 0.956 / 0.916, reciprocal-rank fusion (k = 60) 0.846 / 0.934 / 0.899. RRF throws away how far ahead
     * the first section is, which matters here because BM25 often ranks three sections of one file nearly equal.
     */
    public static final Fusion DEFAULT_FUSION = Fusion.WEIGHTED_SCORE;
    /**
     * Recall@1 / Recall@3 by dense weight: 0.4 gives 0.835 / 0.945, 0.5 gives 0.879 / 0.956, 0.6 gives
     * 0.857 / 0.956, 0.7 gives 0.857 / 0.945; dense alone 0.736 / 0.923, BM25 alone 0.791 / 0.901.
     */
    public static final double DEFAULT_DENSE_WEIGHT = 0.5;
    /** 60 is the value of the original RRF paper (Cormack et al. 2009) and works across collections. */
    public static final int DEFAULT_RRF_K = 60;
    /**
     * The closest section's cosine (bge-small-zh, no query prefix) separates on- from off-topic questions better
     * than anything else measured: when all 15 off-topic questions of questions-b.tsv were rejected, it wrongly
     * rejected 4 of 91 on-topic ones, against 5 for cosine + 0.1 · BM25, 8 with bge's query prefix and 58 for the
     * gap to the mean cosine. Over the 110 sections and the 203 on-topic and 23 off-topic questions of all sets, the
     * highest off-topic question below it is 手机没信号是怎么回事 (0.554) and the lowest on-topic one above it is
     * 培训里说的CS到底指啥 (0.572); 0.565 rejects 21 of 23 off-topic questions and one on-topic one (上门服务能穿拖鞋吗,
     * 0.540). 电话费怎么充值 (0.596) and 怎么投诉邻居装修太吵 (0.593) still get an answer; 0.60 would reject them and
     * 12 on-topic questions. With the 115 sections of the glance's knowledge and all six sets (378 on-topic, 86 to
     * decline), the cosine alone at 0.565 rejects 7 on-topic and 48 declinable questions and 0.60 would reject 26
     * on-topic ones; the uncovered-topic check does the rest of the declining. Re-run the benchmark's threshold sweep
     * when the knowledge grows.
     */
    public static final double DEFAULT_MIN_COSINE = 0.565;
    /**
     * A tip shows one section and keeps the next ones behind 换一个, so this only decides how far 换一个 goes: a
     * section scoring under 60% of the best shares little more than a word or two with the question. (When tips
     * showed three sections at once, 0.8 kept weak extras out: asking for 4 returned 2.9 on average.)
     */
    public static final double DEFAULT_MIN_SHARE_OF_BEST = 0.6;
    /**
     * How much closer a question must be to an uncovered topic than to the closest section and the closest sentence
     * of any section. Chosen on the tuned answer set t (205 covered, 48 uncovered questions; the benchmark prints
     * the sweep): margins 0, 0.02 and 0.04 decline 44, 44 and 43 uncovered questions and wrongly 5, 2 and 2 covered
     * ones, where judging by the closest section alone declined 44 uncovered and 7 covered ones at 0.04. An agent
     * told "资料里没有" for a covered question can ask again; one who gets a loosely related tip is misled, so the
     * smallest margin within the 2% bound wins.
     */
    public static final double DEFAULT_UNCOVERED_MARGIN = 0.02;
    /** A team asks the same few dozen questions all day; 1,000 answers take well under a megabyte. */
    public static final long DEFAULT_CACHE_SIZE = 1_000;
    /** See the benchmark's sweep. */
    public static final double DEFAULT_ASK_OFFSET = 0.15;
    /**
     * Chosen with {@link #DEFAULT_ANSWERS_ANYWAY} on every tuned set (answers-t and questions-a … f: 583 covered and
     * 134 declinable questions; the benchmark prints the sweep): without the learned scope 104 are declined and no
     * covered one; with it at 0.7, 0.8 and 0.9 (answered anyway at 0.70) 119, 117 and 117, and wrongly 5, 3 and 2
     * covered ones. 0.9 gives up two declines for three fewer covered questions told "资料里没有": both stay well
     * within the 2% bound, and an agent told the material lacks what it has stops asking it.
     */
    public static final double DEFAULT_SCOPE_THRESHOLD = 0.9;
    /**
     * With the scope threshold at 0.9, answering anyway from a closest section or sentence of 0.70, 0.75 and never
     * declines 117, 120 and 120 declinable questions of the tuned sets and wrongly 2, 6 and 6 covered ones; an
     * admin's new section for a question the glossary's examples call uncovered answers it.
     */
    public static final double DEFAULT_ANSWERS_ANYWAY = 0.70;

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
        if (uncoveredMargin < -1 || uncoveredMargin > 2) {
            throw new IllegalArgumentException("uncoveredMargin must be between -1 and 2");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0");
        }
        if (askOffset < 0 || askOffset > 2) {
            throw new IllegalArgumentException("askOffset must be between 0 and 2");
        }
        if (scopeThreshold < 0 || scopeThreshold > 1) {
            throw new IllegalArgumentException("scopeThreshold must be between 0 and 1");
        }
        if (answersAnyway < -1 || answersAnyway > 2) {
            throw new IllegalArgumentException("answersAnyway must be between -1 and 2");
        }
    }

    /** The settings measured best on the evaluation set. */
    public static HybridSettings defaults() {
        return new HybridSettings(DEFAULT_FUSION, DEFAULT_DENSE_WEIGHT, DEFAULT_RRF_K, DEFAULT_MIN_COSINE,
                DEFAULT_MIN_SHARE_OF_BEST, DEFAULT_UNCOVERED_MARGIN, DEFAULT_CACHE_SIZE, DEFAULT_ASK_OFFSET,
                DEFAULT_SCOPE_THRESHOLD, DEFAULT_ANSWERS_ANYWAY);
    }

    /** The same settings with another threshold. */
    public HybridSettings withMinCosine(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, other, minShareOfBest, uncoveredMargin, cacheSize,
                askOffset, scopeThreshold, answersAnyway);
    }

    /** The same settings with another share of the best score; 0 keeps every hit of an on-topic question. */
    public HybridSettings withMinShareOfBest(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, other, uncoveredMargin, cacheSize,
                askOffset, scopeThreshold, answersAnyway);
    }

    /** The same settings with another uncovered-topic margin. */
    public HybridSettings withUncoveredMargin(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, minShareOfBest, other, cacheSize,
                askOffset, scopeThreshold, answersAnyway);
    }

    /** The same settings with another fusion and cache size, e.g. no cache to measure every query. */
    public HybridSettings with(Fusion otherFusion, long otherCacheSize) {
        return new HybridSettings(otherFusion, denseWeight, rrfK, minCosine, minShareOfBest, uncoveredMargin,
                otherCacheSize, askOffset, scopeThreshold, answersAnyway);
    }

    /** The same settings with another offset for example questions. */
    public HybridSettings withAskOffset(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, minShareOfBest, uncoveredMargin, cacheSize,
                other, scopeThreshold, answersAnyway);
    }

    /** The same settings with another threshold for the classifier of questions outside the material. */
    public HybridSettings withScopeThreshold(double other) {
        return new HybridSettings(fusion, denseWeight, rrfK, minCosine, minShareOfBest, uncoveredMargin, cacheSize,
                askOffset, other, answersAnyway);
    }
}
