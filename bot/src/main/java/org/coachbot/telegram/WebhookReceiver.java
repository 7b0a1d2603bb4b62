package org.coachbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Receives the updates Telegram pushes to the webhook. A request is accepted only with the secret token set at
 * setWebhook, and answered 200 only once its update is in the inbox; otherwise Telegram sends it again later.
 */
final class WebhookReceiver {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Updates are a few kilobytes; anything much larger is not from Telegram. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final TelegramSettings.Webhook webhook;
    private final Predicate<Update> accept;
    private final AtomicLong refused = new AtomicLong();
    private HttpServer server;
    private ExecutorService threads;

    /** {@code accept} records an update and returns false when it could not. */
    WebhookReceiver(TelegramSettings.Webhook webhook, Predicate<Update> accept) {
        this.webhook = webhook;
        this.accept = accept;
    }

    /** Listens on all interfaces at the configured port. */
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(webhook.port()), 0);
        server.createContext(webhook.path(), this::handle);
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        log.info("webhook listening on port {} at {}", port(), webhook.path());
    }

    /** The port actually listened on (differs from the configured one only when that was 0). */
    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        if (server != null) {
            server.stop(1);
            threads.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405);
                return;
            }
            String secret = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                    webhook.secret().getBytes(StandardCharsets.UTF_8))) {
                long n = refused.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    log.warn("refused {} webhook request(s) without the right secret token, the last from {}", n,
                            exchange.getRemoteAddress().getAddress().getHostAddress());
                }
                answer(exchange, 401);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                answer(exchange, 413);
                return;
            }
            Update update;
            try {
                update = JSON.readValue(body, Update.class);
            } catch (IOException e) {
                log.warn("a webhook request with the right secret is not an update: {}", e.getMessage());
                answer(exchange, 400);
                return;
            }
            answer(exchange, update.getUpdateId() != null && accept.test(update) ? 200 : 500);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }
}
