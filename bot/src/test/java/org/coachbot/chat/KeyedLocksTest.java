package org.coachbot.chat;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyedLocksTest {
    private final KeyedLocks locks = new KeyedLocks();

    @Test
    void a_key_holds_a_lock_only_while_it_is_used() {
        for (int i = 0; i < 10_000; i++) {
            locks.run("user" + i, () -> assertEquals(1, locks.size()));
        }

        assertEquals(0, locks.size());
    }

    @Test
    void callers_with_the_same_key_run_one_at_a_time_and_the_lock_is_dropped_after_the_last() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<?>[] calls = new Future<?>[200];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = pool.submit(() -> {
                    go.await();
                    return locks.with("same", () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                        return null;
                    });
                });
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, most.get());
        assertEquals(0, locks.size());
    }
}
