package org.coachbot.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.coachbot.retrieval.ChineseAnalysis;

/** Dictionary and HMM word segmentation (Lucene smartcn): 客户/不/说话. Only compared, never used by the bot. */
enum SmartChineseAnalysis implements ChineseAnalysis {
    SMART_CN;

    @Override
    public Analyzer newAnalyzer() {
        // Only punctuation is a stop word by default; function words like 怎么 are left to IDF.
        return new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
    }
}
