package org.coachbot.chat;

/** Handles one command, e.g. {@code /ask}; {@code argument} is the text after the command, stripped. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Incoming incoming, String argument, Responder responder);
}
