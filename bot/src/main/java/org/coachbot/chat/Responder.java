package org.coachbot.chat;

/** Where the core sends its answers; each front end implements it for one incoming message. */
public interface Responder {

    /** Sends one reply to the chat the message came from. */
    void send(Reply reply);

    /**
     * Replaces the message whose button the user pressed (e.g. a short tip expanded in place); front ends that
     * cannot edit, or a message that was not a button press, send it as a new message.
     */
    default void replace(Reply reply) {
        send(reply);
    }

    /** Sends a status message that can later be edited in place, e.g. "索引中 40/120". */
    Status status(String html);

    /** A message that is edited as work progresses. */
    interface Status {
        /** Replaces the status text. */
        void update(String html);
    }
}
