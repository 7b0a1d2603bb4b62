package org.coachbot.team;

/**
 * Thrown by {@link Assigner#assign} when an assignment breaks a rule; nothing was stored. Retrying the same request
 * does not help: the {@link Reason} says what the supervisor has to change.
 */
public final class AssignmentRefusedException extends RuntimeException {
    /** Which rule the assignment broke. */
    public enum Reason {
        /** The scenario or rubric files in service have problems, so nothing can be practised. */
        UNAVAILABLE,
        /** The scenario or dimension is not in the scenario book in service (any more). */
        TARGET_GONE,
        /** The due date is before today in the team's time zone. */
        PAST,
        /** No trainee was given. */
        NO_TRAINEE,
        /** A trainee the bot has never seen write: it could not tell them. */
        UNKNOWN_TRAINEE
    }

    private final Reason reason;

    public AssignmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
