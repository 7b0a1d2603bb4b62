package org.coachbot.chat;

import java.util.Locale;
import java.util.Optional;

/** A parsed {@code /command@BotName argument} line. */
public record Command(String name, String argument) {

    /** Parses a text as a command; empty when the text does not start with {@code /}. */
    public static Optional<Command> parse(String text) {
        String t = text.strip();
        if (!t.startsWith("/") || t.length() < 2) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(t);
        String head = space < 0 ? t.substring(1) : t.substring(1, space);
        String argument = space < 0 ? "" : t.substring(space).strip();
        // In groups Telegram appends the bot's name: /help@CoachBot.
        int at = head.indexOf('@');
        if (at >= 0) {
            head = head.substring(0, at);
        }
        if (head.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Command(head.toLowerCase(Locale.ROOT), argument));
    }

    private static int indexOfWhitespace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
