package org.coachbot.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a user did: sent text, pressed an inline button, sent a document, or sent something we do not read.
 *
 * @param text  the message text, or the button's callback data for {@link Kind#BUTTON}; in a group the front end
 *              has removed the mention of the bot
 * @param where  a private chat, or a group and whether the message was meant for the bot
 * @param source what the front end knows this message by (Telegram's update id), 0 when it has nothing: a message
 *               handled again after a crash carries the same source, so a feature can tell it has seen it
 */
public record Incoming(User user, long chatId, Kind kind, String text, Document document, Where where,
                       long source) {

    /** What the user sent. */
    public enum Kind { TEXT, BUTTON, DOCUMENT, UNSUPPORTED }

    /**
     * Where a message was said. In a group the bot answers only what is meant for it: a command for it, a
     * message that mentions it, a reply to one of its own messages, a press of one of its buttons.
     *
     * @param group     said in a group or supergroup rather than the private chat with the bot
     * @param addressed meant for the bot; always true in a private chat
     * @param repliedTo the author of the message this one replies to, when it replies to a person
     */
    public record Where(boolean group, boolean addressed, User repliedTo) {
        /** The private chat between the user and the bot. */
        public static final Where PRIVATE = new Where(false, true, null);

        public Where {
            addressed = addressed || !group;
        }

        /** A message in a group. */
        public static Where group(boolean addressed, User repliedTo) {
            return new Where(true, addressed, repliedTo);
        }

        /** The person this message replies to. */
        public Optional<User> replyTarget() {
            return Optional.ofNullable(repliedTo);
        }
    }

    public Incoming {
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        text = text == null ? "" : text;
        where = where == null ? Where.PRIVATE : where;
        if (kind == Kind.DOCUMENT && document == null) {
            throw new IllegalArgumentException("a DOCUMENT message needs a document");
        }
    }

    /** A message in the private chat. */
    public Incoming(User user, long chatId, Kind kind, String text, Document document) {
        this(user, chatId, kind, text, document, Where.PRIVATE, 0);
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

    /** The same message, said in {@code where}. */
    public Incoming at(Where where) {
        return new Incoming(user, chatId, kind, text, document, where, source);
    }

    /** The same message, known to the front end as {@code source}. */
    public Incoming from(long source) {
        return new Incoming(user, chatId, kind, text, document, where, source);
    }

    /** True when said in a group chat rather than privately. */
    public boolean inGroup() {
        return where.group();
    }
}
