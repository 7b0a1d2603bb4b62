package org.coachbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests: it replies with a text, fails with a
 * status, or hangs, and records every request body so tests can check the prompt.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile Function<JsonNode, String> answer = request -> "好的";
    private volatile int status = 200;
    private volatile boolean hang;
    private volatile boolean echoKey;
    private final java.util.concurrent.Semaphore received = new java.util.concurrent.Semaphore(0);

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Base URL to configure as {@code LLM_BASE_URL}, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Replies with this text to every request. */
    public FakeOpenAiServer replyWith(String text) {
        return replyWith(request -> text);
    }

    /** Replies with a text computed from the request body. */
    public FakeOpenAiServer replyWith(Function<JsonNode, String> answer) {
        this.answer = answer;
        this.status = 200;
        this.hang = false;
        return this;
    }

    /** Answers every request with this HTTP status and an OpenAI-style error body. */
    public FakeOpenAiServer failWith(int status) {
        this.status = status;
        this.hang = false;
        this.echoKey = false;
        return this;
    }

    /**
     * Refuses every request with 401 and an error body that repeats the key it was sent, as some
     * OpenAI-compatible providers do.
     */
    public FakeOpenAiServer rejectKeyEchoingIt() {
        failWith(401);
        this.echoKey = true;
        return this;
    }

    /** Waits until {@code count} more requests have arrived; false when they did not within the timeout. */
    public boolean awaitRequests(int count, java.time.Duration timeout) throws InterruptedException {
        return received.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Holds every answer back until {@link #releaseHeld()}, like a provider that is slow today. */
    public FakeOpenAiServer holdAnswers() {
        this.held = new CountDownLatch(1);
        return this;
    }

    /** Lets the held answers go. */
    public void releaseHeld() {
        held.countDown();
    }

    /** Never answers until the server is closed, like a provider that stopped responding. */
    public FakeOpenAiServer hang() {
        this.hang = true;
        return this;
    }

    /** Request bodies received so far. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** All message contents of the last request, joined, for asserting what the prompt carried. */
    public String lastPrompt() {
        if (requests.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        requests.get(requests.size() - 1).path("messages").forEach(m -> out.append(m.path("content").asText()).append('\n'));
        return out.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(body);
            received.release();
            if (hang) {
                release.await(60, TimeUnit.SECONDS);
                return;
            }
            held.await(60, TimeUnit.SECONDS);
            if (status != 200) {
                String message = "fake failure";
                if (echoKey) {
                    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                    message = "Incorrect API key provided: " + auth.replaceFirst("^Bearer ", "")
                            + ". Request headers: Authorization: " + auth;
                }
                write(exchange, status, "{\"error\":{\"message\":" + JSON.writeValueAsString(message)
                        + (echoKey ? ",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"
                        : ",\"type\":\"server_error\"}}"));
                return;
            }
            String content = JSON.writeValueAsString(answer.apply(body));
            String model = JSON.writeValueAsString(body.path("model").asText("fake"));
            write(exchange, 200, """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":%s,
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                    """.formatted(model, content));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
