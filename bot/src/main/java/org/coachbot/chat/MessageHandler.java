package org.coachbot.chat;

/** Handles a message that is not a command: plain text, a pressed button, or a document. */
@FunctionalInterface
public interface MessageHandler {
    void handle(Incoming incoming, Responder responder);
}
