package org.coachbot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.Objects;

/**
 * An update as the inbox keeps it.
 *
 * @param chatId the chat that gets the answer, or {@link #NO_CHAT} for an update the bot does not answer
 */
record InboxEntry(long updateId, long chatId, Update update) {
    /** Telegram never uses chat id 0. */
    static final long NO_CHAT = 0;

    InboxEntry {
        Objects.requireNonNull(update, "update must not be null");
    }

    boolean answerable() {
        return chatId != NO_CHAT;
    }
}
