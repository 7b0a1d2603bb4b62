package org.coachbot.retrieval;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.coachbot.knowledge.Glossary;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings questions and knowledge text to one form before analysis: Simplified Chinese, half-width, lower case,
 * punctuation and runs of whitespace collapsed to a single space. Agents in Taiwan and Hong Kong type Traditional
 * characters and phones insert full-width forms; without this, "怎麼辦" and "怎么办" would share no token. In
 * questions, English words the {@link Glossary} knows become the Chinese words the knowledge uses.
 */
public final class QueryNormalizer {
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}\\p{Cf}]+");
    /** The asking agent's own "我该/我应该/我要…" right before 怎么/如何/咋. */
    private static final Pattern ASKER = Pattern.compile("我们?(?:该|应该|应当|要|得|需要|可以|能)?(?=怎么|怎样|如何|咋)");
    /**
     * A run of English words separated by single spaces, e.g. "hang up" or "customer"; an apostrophe belongs to a
     * word only inside it ("can't"), so a word in single quotes ("'bad reviews'") is still looked up.
     */
    private static final Pattern ENGLISH = Pattern.compile(
            "[A-Za-z][A-Za-z0-9-]*(?:'[A-Za-z0-9-]+)*(?: [A-Za-z][A-Za-z0-9-]*(?:'[A-Za-z0-9-]+)*)*");

    private final Glossary glossary;

    /** Without a glossary: English words stay as they are. */
    public QueryNormalizer() {
        this(Glossary.EMPTY);
    }

    public QueryNormalizer(Glossary glossary) {
        this.glossary = Objects.requireNonNull(glossary, "glossary must not be null");
    }

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
     * Normalises a question: English words the glossary knows are replaced by their Chinese terms ("customer 一直
     * complain" → "客户 一直 投诉 抱怨"), so they neither miss the Chinese text nor hit the English in it (the
     * SERVICE letters, customer and client); words in capitals (SERVICE, CS, 5W2H) are names and stay. Then the
     * asking agent's own "我该/我应该…" before 怎么/如何 is dropped: in "客户一直不说话,我该怎么办" the 我 is the
     * agent, while in the knowledge 我 stands in scripted lines ("我不能…", "这不是我应该做的"), so keeping it pulls
     * those sections up. A 我 elsewhere ("客户说我要投诉") is kept.
     */
    public String question(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String halfWidth = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return ASKER.matcher(normalize(translate(halfWidth))).replaceAll("").strip();
    }

    private String translate(String text) {
        if (glossary.english().isEmpty()) {
            return text;
        }
        Matcher m = ENGLISH.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(' ').append(translateRun(m.group())).append(' ');
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** Replaces the longest known phrases of a run of English words, left to right. */
    private String translateRun(String run) {
        String[] words = run.split(" ");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            int taken = 0;
            List<String> terms = List.of();
            if (!isName(words[i])) {
                for (int n = Math.min(glossary.longestPhrase(), words.length - i); n >= 1 && taken == 0; n--) {
                    terms = glossary.chinese(String.join(" ", List.of(words).subList(i, i + n))
                            .toLowerCase(Locale.ROOT));
                    taken = terms.isEmpty() ? 0 : n;
                }
            }
            out.append(out.length() == 0 ? "" : " ").append(taken == 0 ? words[i] : String.join(" ", terms));
            i += Math.max(taken, 1);
        }
        return out.toString();
    }

    /** SERVICE, CS, GST, 5W2H: written in capitals, an acronym or a name from the material, not a word to translate. */
    private static boolean isName(String word) {
        return word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT));
    }
}
