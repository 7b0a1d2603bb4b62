package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Bot API server on 127.0.0.1 for tests: dispatches on {@code /bot<token>/<method>}, serves queued updates to
 * getUpdates honouring {@code offset}, records every call, and can answer a method with scripted errors.
 */
public final class FakeBotApiServer implements AutoCloseable {
    public static final String TOKEN = "123456:TESTTOKENabcdefghijklmnopqrstuvwxyz";
    /** What getMe answers, as Telegram does for the bot the token belongs to. */
    public static final long BOT_ID = 123456;
    public static final String BOT_USERNAME = "CoachBot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Call> sent = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Call> inlineAnswers = new LinkedBlockingQueue<>();
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> scripted = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicLong nextUpdate = new AtomicLong(1);
    private final AtomicLong nextMessage = new AtomicLong(100);

    /** One recorded call. */
    public record Call(String method, JsonNode body) {
        public String text() {
            return body.path("text").asText();
        }

        public long chatId() {
            return body.path("chat_id").asLong();
        }

        /** The buttons of the message, row after row. */
        public List<JsonNode> buttons() {
            List<JsonNode> out = new java.util.ArrayList<>();
            body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(out::add));
            return out;
        }
    }

    private static final List<String> METHODS = List.of("getUpdates", "deleteWebhook", "getFile", "sendMessage",
            "sendPhoto", "sendDocument", "editMessageText", "sendChatAction", "answerCallbackQuery", "setMyCommands",
            "getMe", "answerInlineQuery");

    public FakeBotApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a text message from a user in a chat. */
    public long text(long userId, long chatId, String text) {
        return enqueue(message(userId, chatId).put("text", text));
    }

    /**
     * Queues a text message in a group; {@code replyTo} is the author of the message it replies to (0 for none,
     * {@link #BOT_ID} for one of the bot's own messages).
     */
    public long groupText(long userId, long groupId, String text, long replyTo) {
        ObjectNode m = message(userId, groupId).put("text", text);
        ((ObjectNode) m.get("chat")).put("type", "supergroup").put("title", "客服一组");
        if (replyTo != 0) {
            ObjectNode replied = m.putObject("reply_to_message").put("message_id", 5).put("date", 1);
            replied.putObject("from").put("id", replyTo).put("is_bot", replyTo == BOT_ID)
                    .put("first_name", replyTo == BOT_ID ? "教练" : "U" + replyTo)
                    .put("username", replyTo == BOT_ID ? BOT_USERNAME : "u" + replyTo);
            replied.putObject("chat").put("id", groupId).put("type", "supergroup");
            replied.put("text", "早上好");
        }
        return enqueue(m);
    }

    /** Queues an inline query, as typed after {@code @CoachBot} in any chat. */
    public long inlineQuery(long userId, String query) {
        ObjectNode u = JSON.createObjectNode();
        ObjectNode q = u.putObject("inline_query").put("id", "iq" + nextUpdate.get()).put("query", query)
                .put("offset", "");
        q.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U" + userId);
        return enqueue(u);
    }

    /** Waits for the next answerInlineQuery, or fails after the timeout. */
    public Call nextInlineAnswer() throws InterruptedException {
        Call call = inlineAnswers.poll(20, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no inline answer within 20 s; calls: " + calls);
        }
        return call;
    }

    /** Queues a sticker, which the bot does not read. */
    public long sticker(long userId, long chatId) {
        ObjectNode m = message(userId, chatId);
        m.putObject("sticker").put("file_id", "s1");
        return enqueue(m);
    }

    /** Queues a document and makes its content downloadable. */
    public long document(long userId, long chatId, String fileName, byte[] content) {
        String id = "f" + nextUpdate.get();
        files.put("documents/" + id, content);
        ObjectNode m = message(userId, chatId);
        m.putObject("document").put("file_id", id).put("file_name", fileName).put("file_size", content.length);
        return enqueue(m);
    }

    /** Queues a pressed inline button. */
    public long button(long userId, long chatId, String data) {
        ObjectNode u = JSON.createObjectNode();
        ObjectNode q = u.putObject("callback_query").put("id", "cb" + nextUpdate.get()).put("data", data);
        q.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U" + userId);
        ObjectNode message = q.put("chat_instance", "c" + chatId).putObject("message").put("message_id", 1)
                .put("date", 1);
        message.putObject("chat").put("id", chatId).put("type", "private");
        return enqueue(u);
    }

    /** The next answers of a method, as raw JSON bodies with an HTTP status, e.g. a 429. */
    public void script(String method, int status, String body) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(status + " " + body);
    }

    public void tooManyRequests(String method, int retryAfter) {
        script(method, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
    }

    /** Waits for the next sendMessage/sendPhoto, or fails after the timeout. */
    public Call nextSent() throws InterruptedException {
        return nextSent(java.time.Duration.ofSeconds(20));
    }

    /** Waits for the next sendMessage/sendPhoto/sendDocument up to {@code wait}, e.g. for a cold first answer. */
    public Call nextSent(java.time.Duration wait) throws InterruptedException {
        Call call = sent.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("no message was sent within " + wait.toSeconds() + " s; calls: " + calls);
        }
        return call;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private ObjectNode message(long userId, long chatId) {
        ObjectNode m = JSON.createObjectNode().put("message_id", nextMessage.incrementAndGet()).put("date", 1);
        m.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U" + userId)
                .put("username", "u" + userId);
        m.putObject("chat").put("id", chatId).put("type", "private");
        return m;
    }

    private long enqueue(ObjectNode messageOrUpdate) {
        long id = nextUpdate.getAndIncrement();
        ObjectNode update = messageOrUpdate.has("callback_query") || messageOrUpdate.has("inline_query")
                ? messageOrUpdate
                : JSON.createObjectNode().set("message", messageOrUpdate);
        update.put("update_id", id);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        return id;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/file/bot" + TOKEN + "/")) {
                byte[] file = files.get(path.substring(("/file/bot" + TOKEN + "/").length()));
                exchange.sendResponseHeaders(file == null ? 404 : 200, file == null ? -1 : file.length);
                if (file != null) {
                    exchange.getResponseBody().write(file);
                }
                return;
            }
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                write(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = canonical(path.substring(path.lastIndexOf('/') + 1));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = method.equals("sendPhoto") || method.equals("sendDocument")
                    ? multipart(raw) : JSON.readTree(raw);
            Call call = new Call(method, body);
            calls.add(call);
            Deque<String> script = scripted.get(method);
            String next = script == null ? null : script.poll();
            if (next != null) {
                int space = next.indexOf(' ');
                write(exchange, Integer.parseInt(next.substring(0, space)), next.substring(space + 1));
                return;
            }
            write(exchange, 200, "{\"ok\":true,\"result\":" + result(method, body) + "}");
            if (method.equals("sendMessage") || method.equals("sendPhoto") || method.equals("sendDocument")) {
                sent.add(call);
            }
            if (method.equals("answerInlineQuery")) {
                inlineAnswers.add(call);
            }
        }
    }

    private String result(String method, JsonNode body) throws IOException {
        switch (method) {
            case "getUpdates" -> {
                long offset = body.path("offset").asLong(0);
                awaitUpdate(offset, body.path("timeout").asLong(0));
                var pending = updates.stream().filter(u -> u.path("update_id").asLong() >= offset).limit(100).toList();
                updates.removeIf(u -> u.path("update_id").asLong() < offset);
                return JSON.writeValueAsString(pending);
            }
            case "getFile" -> {
                return "{\"file_id\":\"" + body.path("file_id").asText() + "\",\"file_path\":\"documents/"
                        + body.path("file_id").asText() + "\"}";
            }
            case "getMe" -> {
                return "{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"教练\",\"username\":\""
                        + BOT_USERNAME + "\"}";
            }
            case "sendMessage", "sendPhoto", "sendDocument", "editMessageText" -> {
                return "{\"message_id\":" + nextMessage.incrementAndGet() + "}";
            }
            default -> {
                return "true";
            }
        }
    }

    /** Long polling: holds the request until an update at or after the offset exists, or the timeout passes. */
    private void awaitUpdate(long offset, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, 1));
        synchronized (updates) {
            while (updates.stream().noneMatch(u -> u.path("update_id").asLong() >= offset)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    updates.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Like Telegram, method names are case-insensitive; telegrambots asks for {@code getupdates}. */
    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    /**
     * A multipart upload as the test sees it: its size, chat id, caption, and for a document its file name and
     * content as text.
     */
    private static JsonNode multipart(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        ObjectNode body = JSON.createObjectNode().put("multipart", raw.length).put("chat_id", chatIdOf(text));
        int caption = text.indexOf("name=\"caption\"");
        if (caption >= 0) {
            String rest = text.substring(caption).split("\r\n\r\n", 2)[1];
            body.put("caption", rest.substring(0, rest.indexOf("\r\n--")));
        }
        int document = text.indexOf("name=\"document\"; filename=\"");
        if (document >= 0) {
            String header = text.substring(document + "name=\"document\"; filename=\"".length());
            body.put("file_name", header.substring(0, header.indexOf('"')));
            String content = header.split("\r\n\r\n", 2)[1];
            body.put("content", content.substring(0, content.lastIndexOf("\r\n--")));
        }
        return body;
    }

    private static long chatIdOf(String multipart) {
        int at = multipart.indexOf("name=\"chat_id\"");
        String rest = multipart.substring(at).split("\r\n\r\n", 2)[1];
        return Long.parseLong(rest.substring(0, rest.indexOf("\r\n")));
    }

    private static void write(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
