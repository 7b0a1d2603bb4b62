package org.coachbot.telegram;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when something waits: every sleep returns at once and moves the clock on by its length. */
public final class FakeTime implements TimeSource {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long epoch = 1_700_000_000_000L;
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long millis() {
        return epoch + nanos.get() / 1_000_000;
    }

    @Override
    public long nanos() {
        return nanos.get();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(millis);
        nanos.addAndGet(millis * 1_000_000);
        // Let the other threads run, as a real wait would.
        Thread.yield();
    }

    /** Every wait so far, in milliseconds, in the order they happened. */
    public List<Long> sleeps() {
        return sleeps;
    }

    /** Moves the clock on, as if this much time had passed. */
    public void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }
}
