package org.coachbot.llm;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that may reach a log: a provider's error body can echo the API key or the
 * {@code Authorization} header it was sent. The configured key is masked wherever it appears; so are bearer
 * tokens, {@code sk-…} keys, bot tokens, values of key-like fields ({@code "api_key": "…"}, {@code token=…}) and
 * any long run of letters and digits that looks random.
 */
public final class SecretMask {
    /** Longest text kept: an error body can be a whole HTML page. */
    static final int MAX_CHARS = 500;
    private static final String MASK = "***";
    private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern FIELD = Pattern.compile("(?i)(\"?\\b(?:api[_-]?key|apikey|access[_-]?token|"
            + "refresh[_-]?token|token|secret|password|passwd|authorization|x-api-key)\"?\\s*[:=]\\s*\"?)"
            + "(?!(?:bearer|basic)\\b|\\*\\*\\*)([^\"\\s,;}&]{4,})");
    private static final Pattern SK = Pattern.compile("\\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}");
    private static final Pattern BOT_TOKEN = Pattern.compile("\\b[0-9]{5,}:[A-Za-z0-9_-]{20,}");
    private static final Pattern RANDOM = Pattern.compile("\\b[A-Za-z0-9_\\-+/]{32,}={0,2}");

    private SecretMask() {
    }

    /** Masks this exact secret from now on, e.g. the configured API key; blank and very short values are ignored. */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= 6) {
            KNOWN.add(secret.strip());
        }
    }

    /** The text with every secret replaced by {@code ***}, cut to {@link #MAX_CHARS} characters. */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : KNOWN) {
            out = out.replace(secret, MASK);
        }
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = FIELD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + MASK);
        out = SK.matcher(out).replaceAll("$1-" + MASK);
        out = BOT_TOKEN.matcher(out).replaceAll(MASK);
        out = RANDOM.matcher(out).replaceAll(m -> looksRandom(m.group()) ? MASK : Matcher.quoteReplacement(m.group()));
        return out.length() <= MAX_CHARS ? out : out.substring(0, MAX_CHARS) + "…";
    }

    /** Letters and digits mixed: a key, not a long word or a number. */
    private static boolean looksRandom(String s) {
        return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
    }
}
