package org.coachbot.telegram;

import java.util.List;
import java.util.Set;

/**
 * Every reply from before it is sent until Telegram accepted it (or it was given up), so a restart sends what
 * a crash or a stop left unsent, in order.
 */
interface Outbox {
    /**
     * Records a message; when the same update already recorded one at the same place, that one is returned
     * unchanged instead.
     *
     * @throws org.coachbot.store.StoreException when the database cannot be written
     */
    OutboxMessage record(OutboxMessage message);

    /** Unsent messages of a chat, oldest first. */
    List<OutboxMessage> pending(long chatId, int limit);

    /** Chats with unsent messages. */
    Set<Long> chatsWithPending();

    void markSent(long id, long messageId);

    /** Gives a message up; the caller has logged why. */
    void markDropped(long id);

    /** Counts a send that timed out, so a restart does not resend it more often than once. */
    void noteTimeout(long id);

    /** Forgets sent and dropped messages older than this many milliseconds since the epoch. */
    void prune(long before);
}
