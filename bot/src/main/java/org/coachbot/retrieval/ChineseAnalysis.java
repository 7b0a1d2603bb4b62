package org.coachbot.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** How Chinese text is cut into index terms; the text arrives already normalised by {@link QueryNormalizer}. */
public enum ChineseAnalysis {
    /** Dictionary and HMM word segmentation (Lucene smartcn): 客户/不/说话. */
    SMART_CN {
        @Override
        public Analyzer newAnalyzer() {
            // Only punctuation is a stop word by default; function words like 怎么 are left to IDF.
            return new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
        }
    },
    /** Overlapping character pairs: 客户/户不/不说/说话. Robust to words missing from a dictionary. */
    CJK_BIGRAM {
        @Override
        public Analyzer newAnalyzer() {
            return bigrams(false);
        }
    },
    /** Character pairs plus single characters, so a one-character typo still leaves matching terms. */
    CJK_BIGRAM_UNIGRAM {
        @Override
        public Analyzer newAnalyzer() {
            return bigrams(true);
        }
    };

    /** A new analyzer; Lucene analyzers hold per-thread state, so each index owns its own. */
    public abstract Analyzer newAnalyzer();

    private static Analyzer bigrams(boolean unigrams) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new CJKBigramFilter(source, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
                return new TokenStreamComponents(source, result);
            }
        };
    }
}
