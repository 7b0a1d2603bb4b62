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

    /**
     * Sends a reply that may be replaced once later, in place, e.g. by a language model's wording of the same tip,
     * and returns the handle that replaces it. The handle may be used from another thread after the message was
     * handled; front ends that cannot edit send the replacement as a new message.
     */
    default Sent sendReplaceable(Reply reply) {
        send(reply);
        return this::send;
    }

    /** A message sent with {@link #sendReplaceable}. */
    @FunctionalInterface
    interface Sent {
        /** Puts {@code reply} in place of the message; a message that can no longer be edited stays as it was. */
        void replace(Reply reply);
    }

    /** Sends a status message that can later be edited in place, e.g. "索引中 40/120". */
    Status status(String html);

    /** A message that is edited as work progresses. */
    interface Status {
        /** Replaces the status text. */
        void update(String html);
    }
}
