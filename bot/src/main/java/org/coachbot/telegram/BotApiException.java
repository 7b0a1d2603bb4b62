package org.coachbot.telegram;

/**
 * Thrown when the Bot API refuses a call or cannot be reached. {@link #retryable()} tells whether sending again
 * can help (429, 5xx, network); {@link #retryAfterSeconds()} is Telegram's own wait for a 429;
 * {@link #timedOut()} means the request went out but no answer came, so Telegram may have acted on it.
 */
public class BotApiException extends RuntimeException {
    private final int errorCode;
    private final int retryAfterSeconds;
    private final boolean timedOut;

    public BotApiException(int errorCode, String description, int retryAfterSeconds, boolean timedOut) {
        super(errorCode == 0 ? "Bot API unreachable: " + description : "Bot API error " + errorCode + ": " + description);
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
        this.timedOut = timedOut;
    }

    public BotApiException(int errorCode, String description, int retryAfterSeconds) {
        this(errorCode, description, retryAfterSeconds, false);
    }

    /** HTTP-style error code, or 0 when no answer came. */
    public int errorCode() {
        return errorCode;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The request was sent and no answer came in time: Telegram may or may not have carried it out. */
    public boolean timedOut() {
        return timedOut;
    }

    public boolean retryable() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }

    /** Telegram's answer to HTML it cannot parse; the text can still be sent plain. */
    public boolean cannotParseEntities() {
        return errorCode == 400 && getMessage().contains("can't parse entities");
    }

    /** Telegram's answer to an edit that would not change the message. */
    public boolean notModified() {
        return errorCode == 400 && getMessage().contains("message is not modified");
    }

    /** Thrown when the bot is stopping while a call waits; the message stays in the outbox for the next start. */
    public static final class Interrupted extends BotApiException {
        public Interrupted(String what) {
            super(0, "interrupted while " + what, 0, false);
        }
    }
}
