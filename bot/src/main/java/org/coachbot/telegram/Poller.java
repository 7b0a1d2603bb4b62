package org.coachbot.telegram;

import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Long-polls getUpdates. The offset only moves past updates once they are safely in the inbox, so an update
 * Telegram has been told about is never one the bot could lose; when the inbox cannot be written, Telegram keeps
 * the updates and they are fetched again. A 409 Conflict that goes on longer than the configured limit means
 * another instance polls the same token: this one says so and gives up.
 */
final class Poller implements Runnable {
    /** Fetching stops while this many updates wait for their chats, so a slow spell cannot fill the memory. */
    static final int MAX_BACKLOG = 1000;
    /** A conflict is waited out in steps of at most this, so a brief one after a restart ends quickly. */
    static final long CONFLICT_WAIT_MS = 2000;
    /**
     * 409s less than this apart belong to one conflict, even with successful polls between them: two instances
     * take turns ending each other's long polls (up to 30 s each), so each sees a 409 at least that often.
     */
    static final long CONFLICT_GAP_MS = 35_000;
    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final BotClient api;
    private final Inbox inbox;
    private final Function<Update, InboxEntry> entries;
    private final Consumer<List<InboxEntry>> dispatch;
    private final IntSupplier backlog;
    private final TimeSource time;
    private final Duration conflictLimit;
    private final Consumer<String> fatal;
    private final BackOff backOff = new BackOff();
    private volatile boolean stopped;
    private long conflictStart = -1;
    private long lastConflict = -1;

    Poller(BotClient api, Inbox inbox, Function<Update, InboxEntry> entries, Consumer<List<InboxEntry>> dispatch,
           IntSupplier backlog, TimeSource time, Duration conflictLimit, Consumer<String> fatal) {
        this.api = api;
        this.inbox = inbox;
        this.entries = entries;
        this.dispatch = dispatch;
        this.backlog = backlog;
        this.time = time;
        this.conflictLimit = conflictLimit;
        this.fatal = fatal;
    }

    /** Polls until {@link #stop} or a fatal answer from Telegram. */
    @Override
    public void run() {
        try {
            long offset = inbox.nextOffset();
            while (!stopped) {
                if (backlog.getAsInt() >= MAX_BACKLOG) {
                    time.sleep(200);
                    continue;
                }
                List<Update> updates = fetch(offset);
                if (updates == null || updates.isEmpty()) {
                    continue;
                }
                List<InboxEntry> batch = updates.stream().map(entries).toList();
                long next = batch.stream().mapToLong(InboxEntry::updateId).max().orElse(offset - 1) + 1;
                List<InboxEntry> fresh;
                try {
                    fresh = inbox.record(batch, next);
                } catch (StoreException e) {
                    long wait = backOff.next();
                    log.error("cannot record {} updates in the inbox, so they are not confirmed to Telegram and are "
                            + "fetched again in {} ms: {}", batch.size(), wait, e.getMessage());
                    time.sleep(wait);
                    continue;
                }
                offset = Math.max(offset, next);
                dispatch.accept(fresh);
            }
        } catch (InterruptedException | BotApiException.Interrupted e) {
            if (!stopped) {
                log.warn("polling was interrupted");
            }
        } catch (RuntimeException e) {
            // The inbox could not even be read: without the offset, polling would answer messages twice.
            log.error("polling stopped: {}", e.getMessage(), e);
            fatal.accept("polling stopped: " + e.getMessage());
        }
    }

    /** One getUpdates; null after a failure it has waited for. */
    private List<Update> fetch(long offset) throws InterruptedException {
        try {
            List<Update> updates = api.getUpdates(offset);
            backOff.reset();
            return updates;
        } catch (BotApiException e) {
            if (e instanceof BotApiException.Interrupted || stopped) {
                throw new InterruptedException("stopping");
            }
            if (e.errorCode() == 409) {
                conflict(e);
            } else if (e.errorCode() == 401 || e.errorCode() == 404) {
                log.error("Telegram rejected BOT_TOKEN while polling ({}); stopping", e.getMessage());
                stopped = true;
                fatal.accept("Telegram rejected BOT_TOKEN: " + e.getMessage());
            } else if (e.errorCode() == 429) {
                time.sleep(Math.max(1, e.retryAfterSeconds()) * 1000L);
            } else {
                long wait = backOff.next();
                log.warn("getUpdates failed ({}); trying again in {} ms", e.getMessage(), wait);
                time.sleep(wait);
            }
            return null;
        }
    }

    private void conflict(BotApiException e) throws InterruptedException {
        long now = time.millis();
        if (conflictStart < 0 || now - lastConflict > Math.max(CONFLICT_GAP_MS, conflictLimit.toMillis())) {
            conflictStart = now;
            log.warn("getUpdates answered 409 Conflict ({}); waiting, as happens briefly after a restart",
                    e.getMessage());
        }
        lastConflict = now;
        if (now - conflictStart >= conflictLimit.toMillis()) {
            log.error("another instance is polling this token: getUpdates has answered 409 Conflict for {} s ({}); "
                    + "stop the other instance, or use a separate bot token for each", (now - conflictStart) / 1000,
                    e.getMessage());
            stopped = true;
            fatal.accept("another instance is polling this token");
            return;
        }
        time.sleep(Math.min(CONFLICT_WAIT_MS, backOff.next()));
    }

    void stop() {
        stopped = true;
    }

    /** Waits after a failed getUpdates: 0.5 s, doubling up to 30 s, back to 0.5 s after a success. */
    static final class BackOff {
        private int failures;

        void reset() {
            failures = 0;
        }

        long next() {
            failures = Math.min(failures + 1, 7);
            return Math.min(30_000L, 250L << failures);
        }
    }
}
