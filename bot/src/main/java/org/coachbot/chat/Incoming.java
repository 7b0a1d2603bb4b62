package org.coachbot.chat;

import java.util.Objects;

/**
 * One thing a user did: sent text, pressed an inline button, sent a document, or sent something we do not read.
 *
 * @param text the message text, or the button's callback data for {@link Kind#BUTTON}
 */
public record Incoming(User user, long chatId, Kind kind, String text, Document document) {

    /** What the user sent. */
    public enum Kind { TEXT, BUTTON, DOCUMENT, UNSUPPORTED }

    public Incoming {
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        text = text == null ? "" : text;
        if (kind == Kind.DOCUMENT && document == null) {
            throw new IllegalArgumentException("a DOCUMENT message needs a document");
        }
    }

    public static Incoming text(User user, long chatId, String text) {
        return new Incoming(user, chatId, Kind.TEXT, text, null);
    }

    public static Incoming button(User user, long chatId, String data) {
        return new Incoming(user, chatId, Kind.BUTTON, data, null);
    }

    public static Incoming document(User user, long chatId, Document document, String caption) {
        return new Incoming(user, chatId, Kind.DOCUMENT, caption, document);
    }

    public static Incoming unsupported(User user, long chatId) {
        return new Incoming(user, chatId, Kind.UNSUPPORTED, "", null);
    }
}
