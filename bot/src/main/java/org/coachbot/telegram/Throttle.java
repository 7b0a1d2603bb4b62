package org.coachbot.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps sending under Telegram's limits: a token bucket for the whole bot and one per chat. Time and waiting
 * are injected so tests never really wait.
 */
public final class Throttle {
    /** Waits; in production {@code Thread::sleep}. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final double globalRate;
    private final double chatRate;
    private final int chatBurst;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Bucket global;
    private final Map<Long, Bucket> chats = new HashMap<>();

    public Throttle(double globalRate, double chatRate, int chatBurst, LongSupplier nanoTime, Sleeper sleeper) {
        this.globalRate = globalRate;
        this.chatRate = chatRate;
        this.chatBurst = chatBurst;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.global = new Bucket(globalRate, Math.max(1, (int) globalRate), nanoTime.getAsLong());
    }

    /** Blocks until one more message may go to this chat. */
    public void acquire(long chatId) throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                Bucket chat = chats.computeIfAbsent(chatId, id -> new Bucket(chatRate, chatBurst, now));
                global.refill(now);
                chat.refill(now);
                if (global.tokens >= 1 && chat.tokens >= 1) {
                    global.tokens--;
                    chat.tokens--;
                    return;
                }
                waitNanos = Math.max(global.nanosUntilToken(), chat.nanosUntilToken());
                if (chats.size() > 10_000) {
                    chats.values().removeIf(b -> b.tokens >= b.capacity);
                }
            }
            sleeper.sleep(Math.max(1, waitNanos / 1_000_000));
        }
    }

    private static final class Bucket {
        final double rate;
        final int capacity;
        double tokens;
        long last;

        Bucket(double rate, int capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
        }

        long nanosUntilToken() {
            return tokens >= 1 ? 0 : (long) ((1 - tokens) / rate * 1e9);
        }
    }

    double globalRate() {
        return globalRate;
    }
}
