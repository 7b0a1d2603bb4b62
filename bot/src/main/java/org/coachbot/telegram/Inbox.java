package org.coachbot.telegram;

import java.util.List;

/**
 * Every update Telegram delivered, recorded before Telegram is told it arrived, until it has been handled. A
 * restart handles what is left, so no update is lost between getUpdates and the reply.
 */
interface Inbox {
    /** The offset for the next getUpdates: one past the last update recorded, or 0 before the first. */
    long nextOffset();

    /**
     * Records updates, ignoring ones already recorded, and when {@code nextOffset} is positive moves the poll
     * offset to it, all in one transaction; returns the updates that were new.
     *
     * @throws org.coachbot.store.StoreException when the database cannot be written
     */
    List<InboxEntry> record(List<InboxEntry> updates, long nextOffset);

    /** Marks an update handled, so a restart does not handle it again. */
    void markHandled(long updateId);

    /** Updates recorded but not handled, oldest first. */
    List<InboxEntry> pending();

    /** Forgets handled updates older than this many milliseconds since the epoch. */
    void prune(long before);
}
