package org.coachbot.chat;

import java.util.List;

/** The bot's brain: takes what a user did and answers through the responder. Knows nothing of Telegram. */
public interface ChatCore {

    /** Handles one incoming message; must answer the user, even when something inside fails. */
    void handle(Incoming incoming, Responder responder);

    /** The results for an inline query, at most a handful; empty when there is nothing to offer. */
    default List<InlineAnswer> inline(InlineQuery query) {
        return List.of();
    }
}
