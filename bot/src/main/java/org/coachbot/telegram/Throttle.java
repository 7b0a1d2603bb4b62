package org.coachbot.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sending under Telegram's limits instead of discovering them through 429s: one evenly paced bucket for the
 * whole bot and one per chat with a short burst. Time and waiting are injected so tests never really wait.
 */
public final class Throttle {
    /**
     * Sends are paced this far below the configured limits: requests leave evenly spaced but reach Telegram with
     * network jitter, and a limit counted over a sliding second is crossed by one early arrival at the full rate.
     */
    static final double HEADROOM = 0.93;
    /** Telegram allows about 20 messages a minute in a group (chat ids below zero). */
    static final double GROUP_RATE = 20 / 60.0;
    /** Tokens the bot-wide bucket holds at most. */
    static final double GLOBAL_SLACK = 1.5;
    /** Chats with a full bucket are forgotten once this many are tracked. */
    static final int MAX_CHATS = 10_000;

    private final double chatRate;
    private final int chatBurst;
    private final TimeSource time;
    private final Bucket global;
    private final Map<Long, Bucket> chats = new HashMap<>();

    /**
     * @param globalRate messages per second for the whole bot (Telegram: about 30)
     * @param chatRate   messages per second in one chat (Telegram: about 1)
     * @param chatBurst  messages one chat may get at once before its rate applies
     */
    public Throttle(double globalRate, double chatRate, int chatBurst, TimeSource time) {
        if (globalRate <= 0 || chatRate <= 0 || chatBurst < 1) {
            throw new IllegalArgumentException("rates must be > 0 and chatBurst >= 1");
        }
        this.chatRate = chatRate * HEADROOM;
        this.chatBurst = chatBurst;
        this.time = time;
        // Half a send of slack, so a sender that wakes a few milliseconds late does not lose its turn, and no
        // burst: in any second that allows 1.5 + 0.93 x 30 = 29.4 sends, under a limit counted over a sliding second.
        this.global = new Bucket(globalRate * HEADROOM, GLOBAL_SLACK, time.nanos());
    }

    /** Blocks until one more message may go to this chat. */
    public void acquire(long chatId) throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = time.nanos();
                Bucket chat = chats.computeIfAbsent(chatId, id -> newChatBucket(id, now));
                global.refill(now);
                chat.refill(now);
                if (global.tokens >= 1 && chat.tokens >= 1 && now >= chat.pausedUntil) {
                    global.tokens--;
                    chat.tokens--;
                    if (chats.size() > MAX_CHATS) {
                        forgetIdle(now);
                    }
                    return;
                }
                waitNanos = Math.max(Math.max(global.nanosUntilToken(), chat.nanosUntilToken()),
                        chat.pausedUntil - now);
            }
            time.sleep(Math.max(1, (waitNanos + 999_999) / 1_000_000));
        }
    }

    /** A chat whose bucket has filled up again behaves like one never seen, so it can be forgotten. */
    private void forgetIdle(long now) {
        chats.values().removeIf(b -> {
            b.refill(now);
            return b.tokens >= b.capacity && b.pausedUntil <= now;
        });
    }

    /** Holds a chat back after Telegram answered 429 with {@code retry_after}. */
    public synchronized void pause(long chatId, long millis) {
        long now = time.nanos();
        Bucket chat = chats.computeIfAbsent(chatId, id -> newChatBucket(id, now));
        chat.pausedUntil = Math.max(chat.pausedUntil, now + millis * 1_000_000);
        chat.tokens = Math.min(chat.tokens, 0);
    }

    /** How many chats are tracked; bounded by {@link #MAX_CHATS}. */
    synchronized int trackedChats() {
        return chats.size();
    }

    private Bucket newChatBucket(long chatId, long now) {
        return chatId < 0 ? new Bucket(Math.min(chatRate, GROUP_RATE * HEADROOM), chatBurst, now)
                : new Bucket(chatRate, chatBurst, now);
    }

    private static final class Bucket {
        final double rate;
        final double capacity;
        double tokens;
        long last;
        long pausedUntil;

        Bucket(double rate, double capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
            this.pausedUntil = now;
        }

        void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
        }

        long nanosUntilToken() {
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * 1e9);
        }
    }
}
