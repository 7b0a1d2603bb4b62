package org.coachbot.team;

import org.coachbot.chat.InlineAnswer;
import org.coachbot.chat.InlineQuery;
import org.coachbot.chat.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlineTipsTest {
    private static final User AGENT = new User(7, "agent", false);

    @Test
    void offers_at_most_five_tips_and_answers_a_repeated_query_from_the_cache() {
        AtomicInteger lookups = new AtomicInteger();
        ShortTips tips = (q, max) -> {
            lookups.incrementAndGet();
            return IntStream.range(0, 8).mapToObj(i -> new ShortTips.Tip("k" + i, "标题" + i, "第一行", "<b>标题</b>"))
                    .toList();
        };
        InlineTips inline = new InlineTips(tips, Runnable::run, Duration.ofSeconds(1));

        List<InlineAnswer> first = inline.answer(new InlineQuery(AGENT, "客户不说话"));
        List<InlineAnswer> again = inline.answer(new InlineQuery(AGENT, " 客户不说话 "));

        assertEquals(5, first.size());
        assertEquals("标题0", first.get(0).title());
        assertEquals(first, again);
        assertEquals(1, lookups.get());
    }

    @Test
    void a_query_of_one_character_gets_nothing() {
        InlineTips inline = new InlineTips((q, max) -> {
            throw new AssertionError("not looked up");
        }, Runnable::run, Duration.ofSeconds(1));

        assertTrue(inline.answer(new InlineQuery(AGENT, "客")).isEmpty());
        assertTrue(inline.answer(new InlineQuery(AGENT, "")).isEmpty());
    }

    @Test
    void a_lookup_past_the_deadline_is_answered_empty_and_its_result_serves_the_next_query() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        ShortTips slow = (q, max) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new ShortTips.Tip("k", "沉默型客户", "先问开放式问题", "<b>沉默型客户</b>"));
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            InlineTips inline = new InlineTips(slow, r -> pool.execute(() -> {
                r.run();
                finished.countDown();
            }), Duration.ofMillis(50));

            List<InlineAnswer> late = inline.answer(new InlineQuery(AGENT, "客户不说话"));
            release.countDown();
            finished.await();
            List<InlineAnswer> next = inline.answer(new InlineQuery(AGENT, "客户不说话"));

            assertTrue(late.isEmpty());
            assertEquals("沉默型客户", next.get(0).title());
        } finally {
            pool.shutdownNow();
        }
    }
}
