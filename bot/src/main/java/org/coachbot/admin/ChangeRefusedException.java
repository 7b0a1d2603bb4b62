package org.coachbot.admin;

/**
 * Thrown when a knowledge change is refused because of what it would do to the whole knowledge base (its last
 * file deleted, a limit exceeded, nothing left to roll back to). The message is for the admin; the knowledge in
 * service is unchanged, and repeating the same change will be refused again.
 */
public class ChangeRefusedException extends RuntimeException {
    public ChangeRefusedException(String message) {
        super(message);
    }
}
