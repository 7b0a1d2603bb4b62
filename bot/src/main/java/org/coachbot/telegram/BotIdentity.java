package org.coachbot.telegram;

import java.util.Objects;

/**
 * Who the bot is on Telegram, as getMe answers: its user id (to recognise replies to its own messages) and its
 * username (to recognise mentions and commands meant for it, and to build {@code t.me/<username>?start=} links).
 */
record BotIdentity(long id, String username) {
    /** Before getMe has answered: nothing is a reply to the bot, no mention matches. */
    static final BotIdentity UNKNOWN = new BotIdentity(0, "");

    BotIdentity {
        Objects.requireNonNull(username, "username must not be null");
    }

    /** The link that opens the private chat with the bot and sends it {@code /start <payload>}. */
    String startLink(String payload) {
        return "https://t.me/" + username + "?start=" + payload;
    }
}
