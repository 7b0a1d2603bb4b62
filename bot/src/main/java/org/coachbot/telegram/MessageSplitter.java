package org.coachbot.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits HTML text into parts Telegram accepts (at most 4096 UTF-16 units), at a paragraph, line or sentence
 * boundary, never inside a tag or an entity; tags open at a cut are closed there and reopened in the next part.
 */
public final class MessageSplitter {
    /** Telegram's limit for one message. */
    public static final int TELEGRAM_LIMIT = 4096;
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)[^>]*>");
    private final int limit;

    public MessageSplitter(int limit) {
        if (limit < 100) {
            throw new IllegalArgumentException("limit must be >= 100");
        }
        this.limit = limit;
    }

    public MessageSplitter() {
        this(TELEGRAM_LIMIT);
    }

    public List<String> split(String html) {
        List<String> parts = new ArrayList<>();
        String rest = html;
        String reopen = "";
        while (true) {
            String text = reopen + rest;
            if (text.length() <= limit) {
                if (!text.isBlank()) {
                    parts.add(text);
                }
                return parts;
            }
            // Room is kept for the closing tags added at the cut.
            int cut = cutPoint(text, reopen.length(), limit - 64);
            String head = text.substring(0, cut);
            Deque<String> open = openTags(head);
            StringBuilder closing = new StringBuilder();
            StringBuilder opening = new StringBuilder();
            open.forEach(tag -> closing.append("</").append(name(tag)).append('>'));
            open.descendingIterator().forEachRemaining(opening::append);
            parts.add(head.stripTrailing() + closing);
            rest = text.substring(cut).stripLeading();
            reopen = opening.toString();
        }
    }

    private static int cutPoint(String text, int from, int max) {
        for (String boundary : new String[]{"\n\n", "\n", "。", "!", "?", ";", ",", " "}) {
            int at = text.lastIndexOf(boundary, max - boundary.length());
            while (at > from && !safe(text, at + boundary.length())) {
                at = text.lastIndexOf(boundary, at - 1);
            }
            if (at > from + max / 4) {
                return at + boundary.length();
            }
        }
        int at = max;
        while (at > from + 1 && !safe(text, at)) {
            at--;
        }
        return at;
    }

    /** A cut before {@code index} is safe when it is not inside a tag or an entity. */
    private static boolean safe(String text, int index) {
        int lt = text.lastIndexOf('<', index - 1);
        int gt = text.lastIndexOf('>', index - 1);
        if (lt > gt) {
            return false;
        }
        int amp = text.lastIndexOf('&', index - 1);
        int semi = text.lastIndexOf(';', index - 1);
        return !(amp > semi && index - amp < 10);
    }

    private static Deque<String> openTags(String html) {
        Deque<String> stack = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                stack.push(m.group());
            } else if (!stack.isEmpty() && name(stack.peek()).equalsIgnoreCase(m.group(2))) {
                stack.pop();
            }
        }
        return stack;
    }

    private static String name(String openTag) {
        Matcher m = TAG.matcher(openTag);
        return m.find() ? m.group(2) : "";
    }
}
