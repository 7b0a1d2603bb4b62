package org.coachbot.roleplay.engine;

/** How a session stands or how it ended. */
public enum Outcome {
    /** The call goes on. */
    ONGOING,
    /** The customer was satisfied with the scenario's real remedy and the trainee closed the call. */
    SUCCESS,
    /** The customer ran out of patience: they hang up and complain. */
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
