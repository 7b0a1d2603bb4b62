package org.coachbot.llm;

/**
 * Thrown when the language model fails: an HTTP error, a refused connection, or no answer within the timeout.
 * Callers fall back to the answer they can build without a model; retrying at once rarely helps.
 */
public class LlmException extends RuntimeException {
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    public LlmException(String message) {
        super(message);
    }
}
