package org.coachbot.telegram;

import ch.qos.logback.classic.Level;
import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.coachbot.telegram.FakeBotApiServer.Fault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults of the Bot API lasting 30 s: every question asked meanwhile is answered after the fault, exactly once,
 * except for a hang, which costs at most one duplicate. Fault stretches run on fake time where the bot only waits.
 */
class DeliveryFaultTest {
    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);
    @TempDir
    Path data;
    private final FakeTime time = new FakeTime();
    private FakeBotApiServer api;
    private TelegramFrontEnd bot;

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.stop();
        }
        if (api != null) {
            api.close();
        }
    }

    private TelegramFrontEnd start(TelegramSettings.Builder settings, ChatCore core) throws Exception {
        bot = new TelegramFrontEnd(settings.build(), core, data, CommandMenu.NONE, time);
        bot.start();
        return bot;
    }

    private TelegramSettings.Builder settings() throws Exception {
        api = new FakeBotApiServer();
        api.useClock(time::millis);
        return TelegramFrontEndTest.settings(api.baseUrl());
    }

    private static ChatCore echo() {
        return (in, out) -> out.send(Reply.html("答 " + in.text()));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "ERROR_PAGE"})
    void should_answer_every_question_asked_during_30_s_of_failing_sends_once_after_the_fault(Fault fault)
            throws Exception {
        // given
        start(settings(), echo());
        api.fault(fault, THIRTY_SECONDS, "sendMessage");

        // when four questions come in two chats during the fault
        Map<Long, List<String>> asked = Map.of(10L, List.of("q1", "q3"), 11L, List.of("q2", "q4"));
        api.text(10, 10, "q1");
        api.text(11, 11, "q2");
        api.text(10, 10, "q3");
        api.text(11, 11, "q4");

        // then
        assertAnsweredOnceAfterTheFault(asked);
        assertTrue(api.calls("sendMessage").size() > 4, "the fault refused sends: " + api.calls("sendMessage"));
    }

    @Test
    void should_answer_every_question_asked_during_30_s_of_connection_resets_once_after_the_fault() throws Exception {
        // given a reply on its way when every connection starts being reset
        CountDownLatch faultOn = new CountDownLatch(1);
        start(settings(), (in, out) -> {
            if (in.text().equals("q1")) {
                TelegramFrontEndTest.await(faultOn);
            }
            out.send(Reply.html("答 " + in.text()));
        });
        api.text(10, 10, "q1");
        api.await(() -> api.unconfirmed() == 0, "q1 fetched");

        // when
        api.fault(Fault.RESET, THIRTY_SECONDS);
        faultOn.countDown();
        api.text(10, 10, "q2");
        api.text(11, 11, "q3");
        api.text(10, 10, "q4");

        // then
        assertAnsweredOnceAfterTheFault(Map.of(10L, List.of("q1", "q2", "q4"), 11L, List.of("q3")));
    }

    @Test
    void should_cost_at_most_one_duplicate_when_sends_hang() throws Exception {
        // given sends that time out after a second, and Telegram hanging on every sendMessage
        start(settings().sendTimeout(Duration.ofSeconds(1)), echo());
        api.fault(Fault.HANG, Duration.ofHours(1), "sendMessage");
        List<String> questions = List.of("q1", "q2", "q3", "q4");
        questions.forEach(q -> api.text(10, 10, q));

        // when the first send timed out and its one resend hangs too, and then Telegram recovers
        api.await(() -> api.calls("sendMessage").size() >= 2, "the first send and its one resend");
        api.endFault();

        // then the first answer may arrive twice, every other exactly once, all in order
        api.await(() -> api.deliveredTo(10).contains("答 q4"), "q4 answered");
        List<String> answers = api.deliveredTo(10);
        assertEquals(List.of("答 q1", "答 q1", "答 q2", "答 q3", "答 q4"), answers);
    }

    @Test
    void should_drop_a_reply_telegram_has_not_taken_within_the_maximum_age_and_say_which() throws Exception {
        try (LogCapture log = new LogCapture(Delivery.class)) {
            // given replies are kept for two minutes and Telegram fails every send for a day
            start(settings().maxReplyAge(Duration.ofMinutes(2)), echo());
            api.fault(Fault.SERVER_ERROR, Duration.ofDays(1), "sendMessage");

            // when
            api.text(7, 7, "old");
            api.await(() -> log.at(Level.WARN).stream().anyMatch(l -> l.startsWith("dropping")), "the reply dropped");
            api.endFault();
            api.text(7, 7, "new");

            // then the chat goes on, and the log names chat and update of the reply given up
            assertEquals("答 new", api.nextSent().text());
            assertEquals(List.of("答 new"), api.deliveredTo(7));
            String dropped = log.at(Level.WARN).stream().filter(l -> l.startsWith("dropping")).findFirst().orElseThrow();
            assertTrue(dropped.contains("chat 7") && dropped.contains("update 1"), dropped);
            assertTrue(time.millis() - api.calls("sendMessage").get(0).atMillis() >= Duration.ofMinutes(2).toMillis());
        }
    }

    @Test
    void should_exit_when_409_conflict_lasts_longer_than_the_limit() throws Exception {
        try (LogCapture log = new LogCapture(Poller.class)) {
            // given another instance polls the token for ten minutes
            TelegramSettings.Builder settings = settings();
            api.fault(Fault.CONFLICT, Duration.ofMinutes(10), "getUpdates");

            // when
            start(settings, echo());
            String reason = bot.fatal().get(20, TimeUnit.SECONDS);

            // then
            assertEquals("another instance is polling this token", reason);
            assertTrue(log.at(Level.ERROR).stream().anyMatch(l -> l.startsWith("another instance is polling this token")),
                    log.at(Level.ERROR).toString());
        }
    }

    @Test
    void should_wait_out_a_brief_409_conflict_after_a_restart() throws Exception {
        // given the previous instance's long poll is still open for a few seconds
        TelegramSettings.Builder settings = settings();
        api.fault(Fault.CONFLICT, Duration.ofSeconds(10), "getUpdates");

        // when
        start(settings, echo());
        api.text(10, 10, "还在吗");

        // then
        assertEquals("答 还在吗", api.nextSent().text());
        assertFalse(bot.fatal().isDone());
        assertTrue(api.calls("getUpdates").size() > 2, "waited through the conflict");
    }

    @Test
    void should_leave_one_of_two_instances_polling_the_same_token() throws Exception {
        // given two instances on one token, each with its own database
        TelegramSettings settings = settings().build();
        FakeTime otherTime = new FakeTime();
        start(TelegramSettings.builder(settings.token(), settings.apiBaseUrl()).pollTimeoutSeconds(1)
                .rates(1000, 1000, 100), echo());
        TelegramFrontEnd other = new TelegramFrontEnd(settings, echo(), data.resolve("other"), CommandMenu.NONE,
                otherTime);
        try {
            other.start();

            // when they have kept terminating each other's long polls for a minute
            String reason = CompletableFuture.anyOf(bot.fatal(), other.fatal())
                    .get(30, TimeUnit.SECONDS).toString();

            // then exactly one gives up and the other answers
            assertEquals("another instance is polling this token", reason);
            assertTrue(bot.fatal().isDone() ^ other.fatal().isDone(), "one instance left");
            api.text(10, 10, "谁在");
            assertEquals("答 谁在", api.nextSent().text());
            assertEquals(List.of("答 谁在"), api.deliveredTo(10));
        } finally {
            other.stop();
        }
    }

    /** Each question answered exactly once, after the fault ended, and each chat's answers in the order asked. */
    private void assertAnsweredOnceAfterTheFault(Map<Long, List<String>> asked) throws Exception {
        int expected = asked.values().stream().mapToInt(List::size).sum();
        api.await(() -> api.delivered().size() >= expected && api.faultOver(), "every question answered");
        // Confirming the last update needs one more poll, which also gives a stray duplicate time to show.
        api.await(() -> api.unconfirmed() == 0 && api.calls("getUpdates").size() > 3, "one more poll");
        List<FakeBotApiServer.Call> delivered = api.delivered();
        assertEquals(expected, delivered.size(), delivered.toString());
        assertTrue(delivered.stream().allMatch(c -> c.atMillis() >= api.faultEnds()), "answered after the fault");
        asked.forEach((chat, questions) -> assertEquals(questions.stream().map(q -> "答 " + q).toList(),
                api.deliveredTo(chat), "chat " + chat + " answered once each, in order"));
    }
}
