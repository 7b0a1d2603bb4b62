package org.coachbot.chat;

import java.util.Objects;

/**
 * One thing a user did: sent text, pressed an inline button, sent a document, or sent something we do not read.
 *
 * @param text      the message text, or the button's callback data for {@link Kind#BUTTON}
 * @param messageId for {@link Kind#BUTTON}, the message the button was on, which {@link Responder#replace} edits;
 *                  0 when the front end does not know it
 */
public record Incoming(User user, long chatId, Kind kind, String text, Document document, long messageId) {

    /** What the user sent. */
    public enum Kind { TEXT, BUTTON, DOCUMENT, UNSUPPORTED }

    public Incoming {
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        text = text == null ? "" : text;
        if (messageId < 0) {
            throw new IllegalArgumentException("messageId must be >= 0");
        }
        if (kind == Kind.DOCUMENT && document == null) {
            throw new IllegalArgumentException("a DOCUMENT message needs a document");
        }
    }

    public static Incoming text(User user, long chatId, String text) {
        return new Incoming(user, chatId, Kind.TEXT, text, null, 0);
    }

    public static Incoming button(User user, long chatId, String data) {
        return button(user, chatId, data, 0);
    }

    /** A button pressed on message {@code messageId}. */
    public static Incoming button(User user, long chatId, String data, long messageId) {
        return new Incoming(user, chatId, Kind.BUTTON, data, null, messageId);
    }

    public static Incoming document(User user, long chatId, Document document, String caption) {
        return new Incoming(user, chatId, Kind.DOCUMENT, caption, document, 0);
    }

    public static Incoming unsupported(User user, long chatId) {
        return new Incoming(user, chatId, Kind.UNSUPPORTED, "", null, 0);
    }
}
