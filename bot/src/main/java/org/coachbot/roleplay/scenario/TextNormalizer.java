package org.coachbot.roleplay.scenario;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings a trainee line and a rubric pattern to one form before matching: half-width letters, digits and
 * punctuation (NFKC turns {@code ，！Ａ} into {@code ,!A}), simplified characters, single spaces. Case is left
 * alone because lower-casing a regular expression would change it ({@code \S} is not {@code \s}); patterns are
 * compiled case-insensitive instead.
 */
public final class TextNormalizer {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    /** The normalised form of a line or a pattern. */
    public static String normalize(String text) {
        String half = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // opencc4j converts phrase by phrase; its dictionary loads once, on the first call (about a second).
        String simplified = ZhConverterUtil.toSimple(half);
        return SPACES.matcher(simplified).replaceAll(" ").strip();
    }

    /** Compiles a rubric pattern the way lines are matched. */
    public static Pattern compile(String pattern) {
        return Pattern.compile(normalize(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
