package org.coachbot.retrieval;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings questions and knowledge text to one form before analysis: Simplified Chinese, half-width, lower case,
 * punctuation and runs of whitespace collapsed to a single space. Agents in Taiwan and Hong Kong type Traditional
 * characters and phones insert full-width forms; without this, "怎麼辦" and "怎么办" would share no token.
 */
public final class QueryNormalizer {
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}\\p{Cf}]+");

    /** Returns the normalised form; {@code null} and blank text become the empty string. */
    public String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        // NFKC maps full-width ASCII (Ａ１？) and the ideographic space to their half-width forms.
        String halfWidth = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String simplified = ZhConverterUtil.toSimple(halfWidth);
        String lower = simplified.toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(lower).replaceAll(" ").strip();
    }
}
