package org.coachbot.store;

/**
 * Thrown when the database cannot be opened, read or written (disk full, file locked, corrupt or newer schema).
 * Retrying helps only once the cause on disk is fixed.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
