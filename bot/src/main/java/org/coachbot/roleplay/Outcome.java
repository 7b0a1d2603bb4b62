package org.coachbot.roleplay;

/** How a session stands or how it ended. */
public enum Outcome {
    /** The call goes on. */
    ONGOING,
    /** Everything the scenario's {@code resolved_when} asks for happened and the customer calmed down. */
    SUCCESS,
    /** The customer's mood hit the top twice: they hang up and complain. */
    FAILURE,
    /** The call dragged on past the turn limit without a resolution. */
    GAVE_UP,
    /** The trainee ended the session with {@code /end}. */
    ENDED,
    /** Nobody said anything for longer than the idle timeout. */
    EXPIRED;

    public boolean finished() {
        return this != ONGOING;
    }
}
