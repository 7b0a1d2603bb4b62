package org.coachbot.telegram;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {
    private final FakeTime time = new FakeTime();

    @Test
    void should_keep_600_answers_under_the_flood_control_at_close_to_its_rate() throws Exception {
        // given Telegram's limits, and 200 users who each asked three questions at once
        Throttle throttle = new Throttle(30, 1, 3, time);
        FakeFloodControl telegram = new FakeFloodControl(time::nanos);
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (int round = 0; round < 3; round++) {
            for (long chat = 1; chat <= 200; chat++) {
                queue.add(chat);
            }
        }
        long start = time.nanos();

        // when every answer waits for the throttle and then reaches Telegram
        int refused = 0;
        while (!queue.isEmpty()) {
            long chat = queue.poll();
            throttle.acquire(chat);
            if (telegram.admit(chat).isPresent()) {
                refused++;
            }
        }

        // then none draws a 429, and they take little longer than 600 at 30 a second
        double seconds = (time.nanos() - start) / 1e9;
        assertEquals(0, refused);
        assertTrue(seconds <= 1.1 * 600 / 30, seconds + " s");
    }

    @Test
    void should_keep_one_chat_to_its_burst_and_then_its_rate() throws Exception {
        // given
        Throttle throttle = new Throttle(30, 1, 3, time);
        List<Long> at = new ArrayList<>();

        // when one chat gets six messages
        for (int i = 0; i < 6; i++) {
            throttle.acquire(7);
            at.add(time.millis());
        }

        // then three go at once and the rest about a second apart
        assertTrue(at.get(2) - at.get(0) < 200, at.toString());
        for (int i = 3; i < 6; i++) {
            long gap = at.get(i) - at.get(i - 1);
            assertTrue(gap >= 1000 && gap <= 1200, at.toString());
        }
    }

    @Test
    void should_hold_a_chat_back_for_retry_after() throws Exception {
        // given
        Throttle throttle = new Throttle(30, 1, 3, time);
        long before = time.millis();

        // when
        throttle.pause(7, 5000);
        throttle.acquire(7);

        // then
        assertTrue(time.millis() - before >= 5000);
    }

    @Test
    void should_send_to_a_group_at_most_twenty_times_a_minute() throws Exception {
        // given
        Throttle throttle = new Throttle(30, 1, 3, time);
        long start = time.millis();

        // when a group gets 23 messages
        for (int i = 0; i < 23; i++) {
            throttle.acquire(-100);
        }

        // then after its burst of three the other twenty took more than a minute
        assertTrue(time.millis() - start >= 60_000, (time.millis() - start) + " ms");
    }

    @Test
    void should_forget_idle_chats_beyond_its_bound() throws Exception {
        // given
        Throttle throttle = new Throttle(1_000_000, 1, 3, time);

        // when more chats than it tracks get one message, with time for their buckets to fill again
        for (long chat = 0; chat < Throttle.MAX_CHATS + 500; chat++) {
            throttle.acquire(chat);
            time.advance(1);
        }
        time.advance(10_000);
        throttle.acquire(-1);

        // then
        assertTrue(throttle.trackedChats() <= Throttle.MAX_CHATS + 1, throttle.trackedChats() + " chats");
    }
}
