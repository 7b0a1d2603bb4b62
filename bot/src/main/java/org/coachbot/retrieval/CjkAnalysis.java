package org.coachbot.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Character n-grams: robust to words missing from any dictionary, and to one-character typos with unigrams. */
public enum CjkAnalysis implements ChineseAnalysis {
    /** Overlapping character pairs: 客户/户不/不说/说话. */
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
