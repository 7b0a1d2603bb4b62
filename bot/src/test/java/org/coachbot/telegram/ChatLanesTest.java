package org.coachbot.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatLanesTest {
    private final ChatLanes lanes = new ChatLanes(4);

    @AfterEach
    void tearDown() {
        lanes.stop(Duration.ofSeconds(1));
    }

    @Test
    void should_run_one_chat_in_order_and_go_on_after_a_task_throws() throws Exception {
        // given
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);

        // when
        for (int i = 0; i < 50; i++) {
            int n = i;
            lanes.submit(7, () -> {
                ran.add(n);
                if (n % 10 == 3) {
                    throw new IllegalStateException("task " + n);
                }
                if (n == 17) {
                    throw new OutOfMemoryError("task " + n);
                }
            });
        }
        lanes.submit(7, done::countDown);

        // then
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(50, ran.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, ran.get(i));
        }
    }

    @Test
    void should_serve_other_chats_while_one_is_busy() throws Exception {
        // given a chat whose task blocks
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        lanes.submit(1, () -> TelegramFrontEndTest.await(release));

        // when
        lanes.submit(2, other::countDown);

        // then
        assertTrue(other.await(10, TimeUnit.SECONDS));
        release.countDown();
    }

    @Test
    void should_take_turns_between_a_chat_with_a_long_queue_and_the_others() throws Exception {
        // given one thread, a chat with many queued tasks and a chat with one
        ChatLanes single = new ChatLanes(1);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try {
            single.submit(1, () -> TelegramFrontEndTest.await(start));
            for (int i = 0; i < 10; i++) {
                single.submit(1, () -> ran.add("busy"));
            }
            single.submit(2, () -> {
                ran.add("other");
                done.countDown();
            });

            // when
            start.countDown();

            // then the other chat did not wait for all ten
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertTrue(ran.indexOf("other") <= 1, ran.toString());
        } finally {
            single.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void should_hold_no_state_for_chats_with_nothing_queued() throws Exception {
        // given
        CountDownLatch done = new CountDownLatch(1000);

        // when a thousand chats run one task each
        for (long chat = 0; chat < 1000; chat++) {
            lanes.submit(chat, done::countDown);
        }

        // then
        assertTrue(done.await(10, TimeUnit.SECONDS));
        CountDownLatch last = new CountDownLatch(1);
        lanes.submit(5000, last::countDown);
        assertTrue(last.await(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.activeChats() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, lanes.activeChats());
        assertEquals(0, lanes.queued());
    }
}
