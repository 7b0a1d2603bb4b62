package org.coachbot.chat;

/** The bot's brain: takes what a user did and answers through the responder. Knows nothing of Telegram. */
public interface ChatCore {

    /** Handles one incoming message; must answer the user, even when something inside fails. */
    void handle(Incoming incoming, Responder responder);
}
