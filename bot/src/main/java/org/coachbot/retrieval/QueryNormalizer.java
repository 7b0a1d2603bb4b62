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
    /** The asking agent's own "我该/我应该/我要…" right before 怎么/如何/咋. */
    private static final Pattern ASKER = Pattern.compile("我们?(?:该|应该|应当|要|得|需要|可以|能)?(?=怎么|怎样|如何|咋)");

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

    /**
     * Normalises a question and drops the asking agent's own "我该/我应该…" before 怎么/如何: in "客户一直不说话,我该怎么办"
     * the 我 is the agent, while in the knowledge 我 stands in scripted lines ("我不能…", "这不是我应该做的"), so
     * keeping it pulls those sections up. A 我 elsewhere ("客户说我要投诉") is kept.
     */
    public String question(String text) {
        return ASKER.matcher(normalize(text)).replaceAll("").strip();
    }
}
