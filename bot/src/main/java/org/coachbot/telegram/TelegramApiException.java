package org.coachbot.telegram;

/**
 * Thrown when the Bot API refuses a call or cannot be reached. {@link #retryable()} tells whether sending again
 * can help (429, 5xx, network); {@link #retryAfterSeconds()} is Telegram's own wait for a 429.
 */
public class TelegramApiException extends RuntimeException {
    private final int errorCode;
    private final int retryAfterSeconds;

    public TelegramApiException(int errorCode, String description, int retryAfterSeconds) {
        super(errorCode == 0 ? "Bot API unreachable: " + description : "Bot API error " + errorCode + ": " + description);
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** HTTP-style error code, or 0 when the server could not be reached. */
    public int errorCode() {
        return errorCode;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean retryable() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }

    /** Telegram's answer to HTML it cannot parse; the text can still be sent plain. */
    public boolean cannotParseEntities() {
        return errorCode == 400 && getMessage().contains("can't parse entities");
    }
}
