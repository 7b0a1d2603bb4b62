package org.coachbot.chat;

/**
 * Sends messages the bot starts itself, outside of a conversation: an assignment, a reminder, a certificate. The
 * front end delivers them the way it delivers replies (throttled, retried, recorded before sending where it can).
 */
@FunctionalInterface
public interface Messenger {
    /** Sends the reply to the chat; for a private chat with a user, the chat id is the user id. */
    void send(long chatId, Reply reply);
}
