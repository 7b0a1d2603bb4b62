package org.coachbot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks text sent with {@code parse_mode=HTML} the way Telegram does, and says what it would answer. */
final class FakeTelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private FakeTelegramHtml() {
    }

    /** Telegram's 400 description when it cannot parse the text, empty when it can. */
    static Optional<String> problem(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            if (ch == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return fail("unexpected character '<' at byte offset " + i);
                }
                String name = m.group(2).toLowerCase();
                if (!TAGS.contains(name)) {
                    return fail("Unsupported start tag \"" + name + "\" at byte offset " + i);
                }
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return fail("Unmatched end tag at byte offset " + i + ", expected \"</" + open.peek() + ">\", "
                            + "found \"</" + name + ">\"");
                }
                i = m.end();
            } else if (ch == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    return fail("Unsupported entity at byte offset " + i);
                }
                i = m.end();
            } else if (ch == '>') {
                return fail("unexpected character '>' at byte offset " + i);
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            return fail("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return Optional.empty();
    }

    /** The text a user sees: tags removed, entities decoded. */
    static String visible(String html) {
        return TAG.matcher(html).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private static Optional<String> fail(String why) {
        return Optional.of("Bad Request: can't parse entities: " + why);
    }
}
