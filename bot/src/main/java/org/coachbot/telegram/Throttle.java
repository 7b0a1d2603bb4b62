package org.coachbot.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sending under Telegram's limits instead of discovering them through 429s: evenly spaced send slots for the
 * whole bot and a bucket per chat with a short burst. Time and waiting are injected so tests never really wait.
 *
 * <p>Each send reserves the next free slot for the bot and waits for it. Slots lie at fixed times, so a sender that
 * wakes late (a busy machine) only delays itself; it costs neither the others their turn nor the bot its rate.
 */
public final class Throttle {
    /**
     * Sends are paced this far below the configured limits: requests leave evenly spaced but reach Telegram with
     * network jitter, and a limit counted over a sliding second is crossed by one early arrival at the full rate.
     */
    static final double HEADROOM = 0.93;
    /** After a quiet spell a send may go half a slot early, so the first one does not wait for nothing. */
    static final double IDLE_TOLERANCE = 0.5;
    /** Telegram allows about 20 messages a minute in a group (chat ids below zero). */
    static final double GROUP_RATE = 20 / 60.0;
    /** Chats with a full bucket are forgotten once this many are tracked. */
    static final int MAX_CHATS = 10_000;

    private final double chatRate;
    private final int chatBurst;
    private final TimeSource time;
    private final long slotNanos;
    private final Map<Long, Bucket> chats = new HashMap<>();
    /** The next free slot for the bot as a whole. */
    private long nextSlot;

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
        this.slotNanos = (long) (1e9 / (globalRate * HEADROOM));
        this.nextSlot = time.nanos();
    }

    /** Blocks until one more message may go to this chat. */
    public void acquire(long chatId) throws InterruptedException {
        while (true) {
            long wait;
            boolean reserved;
            synchronized (this) {
                long now = time.nanos();
                long at = Math.max(now, nextSlot - (long) (IDLE_TOLERANCE * slotNanos));
                Bucket chat = chats.computeIfAbsent(chatId, id -> newChatBucket(id, now));
                // The chat's bucket is judged as of the slot, when the message will actually leave.
                chat.refill(at);
                reserved = chat.tokens >= 1 && at >= chat.pausedUntil;
                if (reserved) {
                    chat.tokens--;
                    nextSlot = Math.max(nextSlot, at) + slotNanos;
                    wait = at - now;
                    if (chats.size() > MAX_CHATS) {
                        forgetIdle(now);
                    }
                } else {
                    // No slot is taken while the chat itself has to wait, so other chats lose nothing.
                    wait = Math.max(chat.last + chat.nanosUntilToken(), chat.pausedUntil) - now;
                }
            }
            if (wait > 0) {
                time.sleep((wait + 999_999) / 1_000_000);
            }
            if (reserved) {
                return;
            }
        }
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

    /** A chat whose bucket has filled up again behaves like one never seen, so it can be forgotten. */
    private void forgetIdle(long now) {
        chats.values().removeIf(b -> {
            b.refill(now);
            return b.tokens >= b.capacity && b.pausedUntil <= now;
        });
    }

    private Bucket newChatBucket(long chatId, long now) {
        return chatId < 0 ? new Bucket(Math.min(chatRate, GROUP_RATE * HEADROOM), chatBurst, now)
                : new Bucket(chatRate, chatBurst, now);
    }

    private static final class Bucket {
        final double rate;
        final int capacity;
        double tokens;
        long last;
        long pausedUntil;

        Bucket(double rate, int capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
            this.pausedUntil = now;
        }

        /** Tops the bucket up to {@code t}; a time before the last one (a slot reserved ahead) changes nothing. */
        void refill(long t) {
            if (t > last) {
                tokens = Math.min(capacity, tokens + (t - last) / 1e9 * rate);
                last = t;
            }
        }

        /** Nanoseconds from the bucket's last time until it holds a token. */
        long nanosUntilToken() {
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * 1e9);
        }
    }
}
