package org.coachbot.telegram;

import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Button;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();
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

    private TelegramFrontEnd start(ChatCore core) throws Exception {
        if (api == null) {
            api = new FakeBotApiServer();
        }
        TelegramSettings settings = new TelegramSettings(FakeBotApiServer.TOKEN, api.baseUrl(), Set.of(1L), Set.of(),
                1000, 1000, 100, 4, 1);
        bot = new TelegramFrontEnd(settings, core, data, List.of(Map.entry("help", "帮助")), sleeps::add);
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
        assertEquals(1, api.calls("setMyCommands").size());
    }

    @Test
    void should_resend_once_after_retry_after_when_telegram_answers_429() throws Exception {
        api = new FakeBotApiServer();
        api.tooManyRequests("sendMessage", 3);
        start(echo());
        api.text(7, 7, "hi");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("echo TEXT hi", sent.text());
        assertTrue(sleeps.contains(3000L), "waited retry_after: " + sleeps);
        assertEquals(2, api.calls("sendMessage").size(), "one refused, one delivered");
    }

    @Test
    void should_resend_as_plain_text_when_telegram_cannot_parse_the_html() throws Exception {
        api = new FakeBotApiServer();
        api.script("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":"
                + "\"Bad Request: can't parse entities: unsupported start tag\"}");
        start((in, out) -> out.send(Reply.html("<b>粗体</b> a &lt; b")));
        api.text(7, 7, "x");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("粗体 a < b", sent.text());
        assertTrue(sent.body().path("parse_mode").isMissingNode());
    }

    @Test
    void should_retry_server_errors_with_back_off() throws Exception {
        api = new FakeBotApiServer();
        api.script("sendMessage", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        api.script("sendMessage", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal\"}");
        start(echo());
        api.text(7, 7, "x");

        assertEquals("echo TEXT x", api.nextSent().text());
        assertTrue(sleeps.containsAll(List.of(500L, 1000L)), "back-off: " + sleeps);
    }

    @Test
    void should_split_a_long_reply_into_valid_parts() throws Exception {
        String paragraph = "<b>要点</b> " + "客户沉默时先用开放式问题引导。".repeat(20) + "\n\n";
        start((in, out) -> out.send(Reply.html(paragraph.repeat(30))));
        api.text(7, 7, "long");

        StringBuilder all = new StringBuilder();
        int parts = 0;
        while (all.length() < paragraph.repeat(30).length() - 200) {
            String text = api.nextSent().text();
            assertTrue(text.length() <= 4096, "part of " + text.length());
            assertEquals(count(text, "<b>"), count(text, "</b>"), "balanced tags");
            all.append(text);
            parts++;
        }
        assertTrue(parts >= 3, "parts: " + parts);
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
        api.script("getUpdates", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        api.script("getUpdates", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
                + "\"parameters\":{\"retry_after\":1}}");
        start(echo());
        api.text(7, 7, "still there?");

        assertEquals("echo TEXT still there?", api.nextSent().text());
        assertTrue(api.calls("getUpdates").size() >= 3, api.calls("getUpdates").toString());
    }

    @Test
    void should_refuse_to_start_with_a_token_telegram_rejects() throws Exception {
        api = new FakeBotApiServer();
        api.script("getMe", 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(echo()));

        assertTrue(e.getMessage().contains("BOT_TOKEN") && e.getMessage().contains("401"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeBotApiServer.TOKEN), e.getMessage());
        assertTrue(api.calls("getUpdates").isEmpty());
        bot = null;
    }

    @Test
    void should_wait_for_the_bot_api_at_start_and_then_serve() throws Exception {
        api = new FakeBotApiServer();
        api.script("getMe", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        api.script("getMe", 502, "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}");
        start(echo());
        api.text(7, 7, "hello");

        assertEquals("echo TEXT hello", api.nextSent().text());
        assertEquals(3, api.calls("getMe").size());
        assertEquals(List.of(500L, 1000L), sleeps.subList(0, 2), "back-off before the first getMe answer");
    }

    @Test
    void should_back_off_from_half_a_second_doubling_to_thirty_and_start_over_after_a_success() {
        var backOff = new TelegramFrontEnd.PollBackOff();
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(backOff.nextBackOffMillis());
        }
        backOff.reset();

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L), waits);
        assertEquals(500L, backOff.nextBackOffMillis());
    }

    @Test
    void should_finish_a_reply_in_progress_when_stopped() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        start((in, out) -> {
            handling.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            out.send(Reply.html("finished " + in.text()));
        });
        api.text(7, 7, "slow");
        await(handling);

        bot.stop();
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
    void should_keep_polling_when_a_handler_throws() throws Exception {
        start((in, out) -> {
            if (in.text().equals("boom")) {
                throw new IllegalStateException("boom");
            }
            out.send(Reply.html("ok " + in.text()));
        });
        api.text(7, 7, "boom");
        api.text(7, 7, "after");

        assertEquals("ok after", api.nextSent().text());
    }

    @Test
    void should_not_answer_twice_after_a_restart() throws Exception {
        start(echo());
        api.text(7, 7, "first");
        assertEquals("echo TEXT first", api.nextSent().text());
        bot.stop();

        // the server still holds the update: a restart must skip it because the offset was saved
        start(echo());
        api.text(7, 7, "second");

        assertEquals("echo TEXT second", api.nextSent().text());
        assertEquals(2, api.calls("sendMessage").size());
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
    void should_edit_the_message_whose_button_was_pressed_when_a_reply_replaces_it() throws Exception {
        // given
        start((in, out) -> {
            out.replace(Reply.html("<b>全文</b>", List.of(List.of(new Button("换一个", "tip:n:1:ab")))));
            out.send(Reply.html("done"));
        });

        // when
        api.button(7, 7, "tip:x:1:ab");
        api.nextSent();

        // then
        List<FakeBotApiServer.Call> edits = api.calls("editMessageText");
        assertEquals(1, edits.size());
        assertEquals(1, edits.get(0).body().path("message_id").asLong(), "the message the button was on");
        assertEquals("<b>全文</b>", edits.get(0).body().path("text").asText());
        assertEquals("tip:n:1:ab", edits.get(0).body().path("reply_markup").path("inline_keyboard").path(0).path(0)
                .path("callback_data").asText());
        assertEquals(1, api.calls("sendMessage").size(), "only the explicit send");
    }

    @Test
    void should_send_the_reply_as_a_new_message_when_telegram_refuses_the_edit() throws Exception {
        // given
        api = new FakeBotApiServer();
        api.script("editMessageText", 400, "{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: message to edit not found\"}");
        start((in, out) -> out.replace(Reply.html("全文")));

        // when
        api.button(7, 7, "tip:x:1:ab");

        // then
        assertEquals("全文", api.nextSent().text());
        assertEquals(1, api.calls("editMessageText").size());
    }

    @Test
    void should_send_a_replacement_for_a_typed_message_as_a_new_message() throws Exception {
        // given
        start((in, out) -> out.replace(Reply.html("答 " + in.text())));

        // when
        api.text(7, 7, "你好");

        // then
        assertEquals("答 你好", api.nextSent().text());
        assertTrue(api.calls("editMessageText").isEmpty());
    }

    @Test
    void should_send_images_as_photos() throws Exception {
        start((in, out) -> out.send(Reply.image(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "雷达图")));
        api.text(7, 7, "chart");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("sendPhoto", sent.method());
        assertEquals(7, sent.chatId());
    }

    @Test
    void should_never_put_the_token_in_error_messages() {
        TelegramSettings settings = new TelegramSettings(FakeBotApiServer.TOKEN,
                java.net.URI.create("http://127.0.0.1:1"), Set.of(), Set.of(), 30, 1, 3, 1, 0);

        TelegramApiException e = org.junit.jupiter.api.Assertions.assertThrows(TelegramApiException.class,
                () -> new BotApi(settings).call("getMe", new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()));

        assertFalse(e.getMessage().contains(FakeBotApiServer.TOKEN), e.getMessage());
        assertFalse(settings.toString().contains(FakeBotApiServer.TOKEN));
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
