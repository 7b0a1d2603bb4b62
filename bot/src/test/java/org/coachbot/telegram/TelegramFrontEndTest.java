package org.coachbot.telegram;

import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramFrontEndTest {
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

    static TelegramSettings.Builder settings(URI api) {
        return TelegramSettings.builder(FakeBotApiServer.TOKEN, api).adminIds(Set.of(1L)).rates(1000, 1000, 100)
                .handlerThreads(4).pollTimeoutSeconds(1);
    }

    private TelegramFrontEnd start(ChatCore core) throws Exception {
        if (api == null) {
            api = new FakeBotApiServer();
        }
        bot = new TelegramFrontEnd(settings(api.baseUrl()).build(), core, data,
                CommandMenu.everywhere(List.of(Map.entry("help", "帮助"))),
                time);
        bot.start();
        return bot;
    }

    private static ChatCore echo() {
        return (in, out) -> out.send(Reply.html("echo " + in.kind() + " " + in.text()));
    }

    @Test
    void should_answer_an_update_and_register_the_command_menu() throws Exception {
        start(echo());
        api.text(7, 7, "你好");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("echo TEXT 你好", sent.text());
        assertEquals(7, sent.chatId());
        assertEquals("HTML", sent.body().path("parse_mode").asText());
        assertEquals("help", api.calls("setMyCommands").get(0).body().path("commands").get(0).path("command")
                .asText());
    }

    @Test
    void should_resend_once_after_retry_after_when_telegram_answers_429() throws Exception {
        api = new FakeBotApiServer();
        api.tooManyRequests("sendMessage", 3);
        start(echo());
        api.text(7, 7, "hi");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("echo TEXT hi", sent.text());
        assertTrue(time.sleeps().contains(3000L), "waited retry_after: " + time.sleeps());
        assertEquals(2, api.calls("sendMessage").size(), "one refused, one delivered");
    }

    @Test
    void should_resend_as_plain_text_when_telegram_cannot_parse_the_html() throws Exception {
        start((in, out) -> out.send(Reply.html("<b>粗体</b> a &lt; b <unknown>x</unknown>")));
        api.text(7, 7, "x");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("粗体 a < b x", sent.text());
        assertTrue(sent.body().path("parse_mode").isMissingNode());
        assertEquals(2, api.calls("sendMessage").size(), "refused as HTML, accepted as plain text");
    }

    @Test
    void should_retry_server_errors_and_error_pages_with_back_off() throws Exception {
        api = new FakeBotApiServer();
        api.script("sendMessage", 502, "<html><body>Bad Gateway</body></html>");
        api.script("sendMessage", 500, FakeBotApiServer.error(500, "Internal Server Error"));
        start(echo());
        api.text(7, 7, "x");

        assertEquals("echo TEXT x", api.nextSent().text());
        assertTrue(time.sleeps().containsAll(List.of(500L, 1000L)), "back-off: " + time.sleeps());
    }

    @Test
    void should_split_a_long_reply_into_parts_telegram_accepts() throws Exception {
        String paragraph = "<b>要点</b> " + "客户沉默时先用开放式问题引导。".repeat(20) + "\n\n";
        start((in, out) -> out.send(Reply.html(paragraph.repeat(30))));
        api.text(7, 7, "long");

        StringBuilder all = new StringBuilder();
        int parts = 0;
        while (all.length() < paragraph.repeat(30).length() - 200) {
            String text = api.nextSent().text();
            assertTrue(text.length() <= 4096, "part of " + text.length());
            all.append(text);
            parts++;
        }
        assertTrue(parts >= 3, "parts: " + parts);
        assertEquals(parts, api.calls("sendMessage").size(), "every part accepted as HTML the first time");
    }

    @Test
    void should_serve_other_chats_while_one_handler_blocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start((in, out) -> {
            if (in.chatId() == 1) {
                await(release);
            }
            out.send(Reply.html("done " + in.chatId()));
        });
        api.text(1, 1, "slow");
        api.text(2, 2, "fast");

        assertEquals("done 2", api.nextSent().text());
        release.countDown();
        assertEquals("done 1", api.nextSent().text());
    }

    @Test
    void should_keep_polling_after_getupdates_fails() throws Exception {
        api = new FakeBotApiServer();
        api.script("getUpdates", 502, "<html>Bad Gateway</html>");
        api.tooManyRequests("getUpdates", 1);
        start(echo());
        api.text(7, 7, "still there?");

        assertEquals("echo TEXT still there?", api.nextSent().text());
        assertTrue(api.calls("getUpdates").size() >= 3, api.calls("getUpdates").toString());
    }

    @Test
    void should_refuse_to_start_with_a_token_telegram_rejects() throws Exception {
        api = new FakeBotApiServer();
        api.script("getMe", 401, FakeBotApiServer.error(401, "Unauthorized"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(echo()));

        assertTrue(e.getMessage().contains("BOT_TOKEN") && e.getMessage().contains("401"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeBotApiServer.TOKEN), e.getMessage());
        assertTrue(api.calls("getUpdates").isEmpty());
    }

    @Test
    void should_wait_for_the_bot_api_at_start_and_then_serve() throws Exception {
        api = new FakeBotApiServer();
        api.script("getMe", 502, FakeBotApiServer.error(502, "Bad Gateway"));
        api.script("getMe", 502, FakeBotApiServer.error(502, "Bad Gateway"));
        start(echo());
        api.text(7, 7, "hello");

        assertEquals("echo TEXT hello", api.nextSent().text());
        assertEquals(3, api.calls("getMe").size());
        assertEquals(List.of(500L, 1000L), time.sleeps().subList(0, 2), "back-off before the first getMe answer");
    }

    @Test
    void should_back_off_from_half_a_second_doubling_to_thirty_and_start_over_after_a_success() {
        var backOff = new Poller.BackOff();
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(backOff.next());
        }
        backOff.reset();

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L), waits);
        assertEquals(500L, backOff.next());
    }

    @Test
    void should_finish_a_reply_in_progress_when_stopped() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        start((in, out) -> {
            handling.countDown();
            await(stopping);
            out.send(Reply.html("finished " + in.text()));
        });
        api.text(7, 7, "slow");
        await(handling);

        Thread stopper = new Thread(bot::stop);
        stopper.start();
        stopping.countDown();
        stopper.join();
        bot = null;

        assertEquals("finished slow", api.nextSent().text());
    }

    @Test
    void should_keep_one_chat_in_order() throws Exception {
        start((in, out) -> out.send(Reply.html(in.text())));
        for (int i = 0; i < 20; i++) {
            api.text(5, 5, "m" + i);
        }

        for (int i = 0; i < 20; i++) {
            assertEquals("m" + i, api.nextSent().text());
        }
    }

    @Test
    void should_not_answer_twice_after_a_restart() throws Exception {
        start(echo());
        api.text(7, 7, "first");
        assertEquals("echo TEXT first", api.nextSent().text());
        bot.stop();

        start(echo());
        api.text(7, 7, "second");

        assertEquals("echo TEXT second", api.nextSent().text());
        assertEquals(List.of("echo TEXT first", "echo TEXT second"), api.deliveredTo(7));
    }

    @Test
    void should_carry_over_the_offset_file_of_earlier_versions() throws Exception {
        // given an earlier version finished update 1 and Telegram still holds it
        api = new FakeBotApiServer();
        api.text(7, 7, "answered before the upgrade");
        Files.writeString(data.resolve(DeliveryTables.LEGACY_OFFSET_FILE), "1");

        start(echo());
        api.text(7, 7, "after");

        assertEquals("echo TEXT after", api.nextSent().text());
        assertEquals(List.of("echo TEXT after"), api.deliveredTo(7));
        assertFalse(Files.exists(data.resolve(DeliveryTables.LEGACY_OFFSET_FILE)));
    }

    @Test
    void should_translate_buttons_stickers_and_documents() throws Exception {
        List<Incoming> seen = new CopyOnWriteArrayList<>();
        TelegramFrontEnd front = start((in, out) -> {
            seen.add(in);
            out.send(Reply.html("echo " + in.kind()));
        });
        api.button(7, 7, "tip:1");
        assertEquals("echo BUTTON", api.nextSent().text());
        assertEquals(1, api.calls("answerCallbackQuery").size());
        api.sticker(7, 7);
        assertEquals("echo UNSUPPORTED", api.nextSent().text());
        api.document(1, 1, "new.md", "# 内容".getBytes(StandardCharsets.UTF_8));
        assertEquals("echo DOCUMENT", api.nextSent().text());

        Incoming doc = seen.get(2);
        assertTrue(doc.user().admin());
        assertEquals("# 内容", new String(front.fileFetcher().fetch(doc.document()), StandardCharsets.UTF_8));
    }

    @Test
    void should_send_images_as_photos_with_their_caption() throws Exception {
        start((in, out) -> out.send(Reply.image(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "<b>雷达图</b>")));
        api.text(7, 7, "chart");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("sendPhoto", sent.method());
        assertEquals(7, sent.chatId());
        assertEquals("<b>雷达图</b>", sent.text());
        assertEquals(4, sent.body().path("photo_bytes").asInt());
    }

    @Test
    void should_edit_a_status_message_in_place() throws Exception {
        start((in, out) -> {
            var status = out.status("索引中 1/3");
            status.update("索引中 3/3");
            out.send(Reply.html("完成"));
        });
        api.text(1, 1, "/reload");

        assertEquals("索引中 1/3", api.nextSent().text());
        assertEquals("完成", api.nextSent().text());
        var edit = api.calls("editMessageText").get(0);
        assertEquals("索引中 3/3", edit.text());
        assertEquals(api.delivered().get(0).body().path("chat_id").asLong(), edit.chatId());
    }

    @Test
    void should_replace_the_message_whose_button_was_pressed() throws Exception {
        // given a message of the bot with a button
        start((in, out) -> {
            if (in.kind() == Incoming.Kind.BUTTON) {
                out.replace(Reply.html("展开的建议", List.of(List.of(new org.coachbot.chat.Button("👍", "fb:1")))));
            } else {
                out.send(Reply.html("简短建议", List.of(List.of(new org.coachbot.chat.Button("更多", "more:1")))));
            }
        });
        api.text(7, 7, "客户不说话");
        FakeBotApiServer.Call tip = api.nextSent();

        // when the user presses it
        api.button(7, 7, "more:1", api.messageIdOf(tip));

        // then the same message now shows the longer tip and its new button
        api.await(() -> !api.calls("editMessageText").isEmpty(), "edited");
        var edit = api.calls("editMessageText").get(0);
        assertEquals("展开的建议", edit.text());
        assertEquals("fb:1", edit.body().path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText());
        assertEquals(List.of("简短建议"), api.deliveredTo(7));
    }

    @Test
    void should_send_a_replacement_as_a_new_message_when_telegram_cannot_edit_the_old_one() throws Exception {
        start((in, out) -> out.replace(Reply.html("新的 " + in.text())));
        // a button under a message Telegram no longer lets the bot edit
        api.button(7, 7, "more:1");

        assertEquals("新的 more:1", api.nextSent().text());
    }

    @Test
    void should_send_messages_the_bot_starts_itself() throws Exception {
        TelegramFrontEnd front = start(echo());

        front.messenger().send(42, Reply.html("今天的练习任务"));

        FakeBotApiServer.Call sent = api.nextSent();
        assertEquals("今天的练习任务", sent.text());
        assertEquals(42, sent.chatId());
    }

    @Test
    void should_send_notifications_to_every_admin() throws Exception {
        TelegramFrontEnd front = start(echo());

        front.notifier().notifyAdmins(Reply.html("知识库有问题"));

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("知识库有问题", sent.text());
        assertEquals(1, sent.chatId());
    }

    @Test
    void should_never_put_the_token_in_error_messages() {
        TelegramSettings settings = TelegramSettings.builder(FakeBotApiServer.TOKEN, URI.create("http://127.0.0.1:1"))
                .build();

        BotApiException e = assertThrows(BotApiException.class, () -> new BotClient(settings).getMe());

        assertFalse(e.getMessage().contains(FakeBotApiServer.TOKEN), e.getMessage());
        assertFalse(settings.toString().contains(FakeBotApiServer.TOKEN));
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
