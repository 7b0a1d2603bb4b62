package org.coachbot.telegram;

import org.coachbot.chat.Button;

import java.util.List;
import java.util.Objects;

/**
 * One message on its way to Telegram: a text part, a photo or an edit of a message sent earlier.
 *
 * @param id        the outbox row, or 0 when the message could not be recorded and is sent from memory
 * @param updateId  the update it answers, or 0 for a notification
 * @param seq       its place among the messages of that update, which makes a second handling of the same
 *                  update find the messages the first one recorded instead of adding new ones
 * @param createdAt when it was recorded, for the maximum age
 * @param timeouts  sends of it that timed out; after one, it is resent once more and no further
 * @param messageId Telegram's id once sent, -1 before
 */
record OutboxMessage(long id, long chatId, long updateId, int seq, Kind kind, String html,
                     List<List<Button>> buttons, byte[] png, long editMessageId, long createdAt, State state,
                     int timeouts, long messageId) {

    /**
     * What is sent: a text, a photo, an edit of a status message, or a replacement of the message whose button
     * was pressed, which is sent as a new message when Telegram cannot edit that one.
     */
    enum Kind { TEXT, PHOTO, EDIT, REPLACE }

    /** Where it is on its way. */
    enum State { PENDING, SENT, DROPPED }

    OutboxMessage {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(state, "state must not be null");
        html = html == null ? "" : html;
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        if (kind == Kind.PHOTO && png == null) {
            throw new IllegalArgumentException("a PHOTO message needs its PNG");
        }
        if (kind != Kind.PHOTO && html.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " message needs text");
        }
    }

    static OutboxMessage text(long chatId, long updateId, int seq, String html, List<List<Button>> buttons,
                              long now) {
        return new OutboxMessage(0, chatId, updateId, seq, Kind.TEXT, html, buttons, null, -1, now, State.PENDING,
                0, -1);
    }

    static OutboxMessage photo(long chatId, long updateId, int seq, byte[] png, String caption, long now) {
        return new OutboxMessage(0, chatId, updateId, seq, Kind.PHOTO, caption, List.of(), png, -1, now,
                State.PENDING, 0, -1);
    }

    static OutboxMessage edit(long chatId, long updateId, int seq, long messageId, String html, long now) {
        return new OutboxMessage(0, chatId, updateId, seq, Kind.EDIT, html, List.of(), null, messageId, now,
                State.PENDING, 0, -1);
    }

    static OutboxMessage replace(long chatId, long updateId, int seq, long messageId, String html,
                                 List<List<Button>> buttons, long now) {
        return new OutboxMessage(0, chatId, updateId, seq, Kind.REPLACE, html, buttons, null, messageId, now,
                State.PENDING, 0, -1);
    }

    /** The same message as a new text, for a replacement Telegram cannot edit in place. */
    OutboxMessage asText() {
        return new OutboxMessage(id, chatId, updateId, seq, Kind.TEXT, html, buttons, png, -1, createdAt, state,
                timeouts, messageId);
    }

    OutboxMessage withId(long rowId) {
        return new OutboxMessage(rowId, chatId, updateId, seq, kind, html, buttons, png, editMessageId, createdAt,
                state, timeouts, messageId);
    }

    OutboxMessage withTimeout() {
        return new OutboxMessage(id, chatId, updateId, seq, kind, html, buttons, png, editMessageId, createdAt,
                state, timeouts + 1, messageId);
    }

    /** Names the message in log lines: chat, update and place, never the text. */
    String describe() {
        return "chat " + chatId + (updateId > 0 ? ", update " + updateId : ", notification")
                + (id > 0 ? ", outbox " + id : "");
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + kind + ", " + describe() + ", " + state + "]";
    }
}
