package org.coachbot.telegram;

import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook mode: Telegram pushes updates, each request carries the secret token, and the same inbox is used. */
class WebhookTest {
    private static final String SECRET = "s3cret_Token-for-tests";
    private static final String UPDATE = "{\"update_id\":900,\"message\":{\"message_id\":1,\"date\":1,"
            + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"U\"},\"chat\":{\"id\":7,\"type\":\"private\"},"
            + "\"text\":\"forged\"}}";
    @TempDir
    Path data;
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeBotApiServer api;
    private TelegramFrontEnd bot;
    private URI hook;

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.stop();
        }
        if (api != null) {
            api.close();
        }
    }

    private void start() throws Exception {
        api = new FakeBotApiServer();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        hook = URI.create("http://127.0.0.1:" + port + "/telegram/hook");
        TelegramSettings settings = TelegramFrontEndTest.settings(api.baseUrl())
                .webhook(Optional.of(new TelegramSettings.Webhook(hook, port, SECRET))).build();
        bot = new TelegramFrontEnd(settings, (in, out) -> out.send(Reply.html("答 " + in.text())), data,
                CommandMenu.NONE,
                new FakeTime());
        bot.start();
    }

    @Test
    void should_set_the_webhook_with_its_secret_and_answer_what_telegram_pushes() throws Exception {
        // given
        start();

        // when
        api.text(7, 7, "你好");
        api.text(7, 7, "再见");

        // then
        assertEquals("答 你好", api.nextSent().text());
        assertEquals("答 再见", api.nextSent().text());
        assertEquals(hook.toString(), api.webhookUrl());
        assertEquals(SECRET, api.webhookSecret());
        assertTrue(api.calls("getUpdates").isEmpty(), "no polling in webhook mode");
        assertEquals(0, api.unconfirmed());
    }

    @Test
    void should_refuse_requests_without_the_secret_token() throws Exception {
        // given
        start();

        // when
        int missing = post(UPDATE, null);
        int wrong = post(UPDATE, "guess");

        // then
        assertEquals(401, missing);
        assertEquals(401, wrong);
        api.text(7, 7, "真的");
        assertEquals("答 真的", api.nextSent().text());
        assertEquals(List.of("答 真的"), api.deliveredTo(7));
    }

    @Test
    void should_answer_an_update_telegram_sends_twice_once() throws Exception {
        // given
        start();

        // when Telegram resends an update it thinks was not received
        assertEquals(200, post(UPDATE, SECRET));
        assertEquals(200, post(UPDATE, SECRET));
        api.text(7, 7, "之后");

        // then
        api.await(() -> api.deliveredTo(7).size() >= 2, "both answered");
        assertEquals(List.of("答 forged", "答 之后"), api.deliveredTo(7));
    }

    private int post(String body, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            request.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
