package org.coachbot.dashboard;

/**
 * Thrown when a request's {@code initData} is missing, malformed, not signed with the bot's token, or too old.
 * Retrying with the same {@code initData} never helps; reopening the Mini App in Telegram gets a fresh one.
 */
public final class InitDataException extends RuntimeException {
    /** What was wrong; never the value itself, which may hold a user's name. */
    public enum Reason { MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, NO_USER }

    private final Reason reason;

    public InitDataException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
