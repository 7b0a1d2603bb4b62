package org.coachbot.telegram;

import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.coachbot.telegram.FakeBotApiServer.Fault;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stop leaves unsent replies in the outbox and unhandled updates in the inbox; the next start finishes both. */
class RestartTest {
    @TempDir
    Path data;
    private final FakeTime time = new FakeTime();
    private final AtomicInteger handled = new AtomicInteger();
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

    private void start() {
        bot = new TelegramFrontEnd(TelegramFrontEndTest.settings(api.baseUrl()).build(), (in, out) -> {
            handled.incrementAndGet();
            out.send(Reply.html("答 " + in.text()));
        }, data, CommandMenu.NONE, time);
        bot.start();
    }

    @Test
    void should_send_after_a_restart_the_replies_telegram_refused_until_the_stop() throws Exception {
        // given Telegram fails every send
        api = new FakeBotApiServer();
        api.useClock(time::millis);
        api.fault(Fault.SERVER_ERROR, Duration.ofDays(1), "sendMessage");
        start();
        api.text(7, 7, "one");
        api.text(8, 8, "two");
        api.await(() -> api.calls("sendMessage").stream().map(FakeBotApiServer.Call::chatId).distinct().count() == 2,
                "both replies tried");

        // when the bot stops and starts again with Telegram back
        bot.stop();
        api.endFault();
        start();

        // then each reply arrives once and no question was handled twice
        api.await(() -> api.delivered().size() == 2, "both delivered");
        assertEquals(List.of("答 one"), api.deliveredTo(7));
        assertEquals(List.of("答 two"), api.deliveredTo(8));
        assertEquals(2, handled.get());
    }

    @Test
    void should_handle_after_a_restart_the_updates_confirmed_but_not_handled_before_the_stop() throws Exception {
        // given one chat's replies hang, so its later questions wait in the chat's lane
        api = new FakeBotApiServer();
        api.useClock(time::millis);
        start();
        api.fault(Fault.SERVER_ERROR, Duration.ofDays(1), "sendMessage");
        api.text(7, 7, "one");
        api.text(7, 7, "two");
        api.text(7, 7, "three");
        api.await(() -> api.unconfirmed() == 0 && !api.calls("sendMessage").isEmpty(), "all confirmed to Telegram");

        // when
        bot.stop();
        api.endFault();
        start();

        // then
        api.await(() -> api.deliveredTo(7).size() == 3, "all answered");
        assertEquals(List.of("答 one", "答 two", "答 three"), api.deliveredTo(7));
        assertEquals(3, handled.get(), "each handled once");
    }
}
