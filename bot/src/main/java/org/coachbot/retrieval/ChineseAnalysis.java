package org.coachbot.retrieval;

import org.apache.lucene.analysis.Analyzer;

/**
 * How Chinese text is cut into index terms; the text arrives already normalised by {@link QueryNormalizer}. The bot
 * uses {@link CjkAnalysis}; the benchmark compares it with word segmentation.
 */
public interface ChineseAnalysis {
    /** A new analyzer; Lucene analyzers hold per-thread state, so each index owns its own. */
    Analyzer newAnalyzer();

    /** A short name for reports, e.g. {@code CJK_BIGRAM}. */
    String name();
}
