package org.coachbot.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Telegram's flood control as the fake models it: at most 30 messages in any second for the whole bot, and per
 * chat about one a second with bursts of up to three. A refused message gets the retry_after Telegram would give.
 */
final class FakeFloodControl {
    static final int PER_SECOND = 30;
    static final double CHAT_RATE = 1.0;
    static final int CHAT_BURST = 3;
    private final LongSupplier nanos;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final Map<Long, double[]> chats = new HashMap<>();

    FakeFloodControl(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Counts a message to a chat; the retry_after in seconds when it is over a limit. */
    synchronized OptionalInt admit(long chatId) {
        long now = nanos.getAsLong();
        while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - 1_000_000_000L) {
            lastSecond.pollFirst();
        }
        double[] bucket = chats.computeIfAbsent(chatId, id -> new double[]{CHAT_BURST, now});
        bucket[0] = Math.min(CHAT_BURST, bucket[0] + (now - (long) bucket[1]) / 1e9 * CHAT_RATE);
        bucket[1] = now;
        if (lastSecond.size() >= PER_SECOND) {
            long free = lastSecond.peekFirst() + 1_000_000_000L - now;
            return OptionalInt.of((int) Math.max(1, Math.ceil(free / 1e9)));
        }
        if (bucket[0] < 1) {
            return OptionalInt.of((int) Math.max(1, Math.ceil((1 - bucket[0]) / CHAT_RATE)));
        }
        bucket[0]--;
        lastSecond.addLast(now);
        return OptionalInt.empty();
    }
}
