package org.coachbot.chat;

/** Sends a message to the administrators outside of a conversation, e.g. when a file on disk fails to load. */
@FunctionalInterface
public interface Notifier {
    void notifyAdmins(Reply reply);
}
