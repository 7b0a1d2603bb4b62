package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A Bot API server on 127.0.0.1 for tests, behaving like Telegram where the bot depends on it: getUpdates confirms
 * updates below its offset and long-polls; a second poller gets 409 Conflict; webhooks are pushed with their secret
 * token and resent until answered 200; text with {@code parse_mode=HTML} is parsed and refused with 400 when
 * Telegram would refuse it; flood control answers 429 with retry_after. Faults (500s, error pages, hangs,
 * connection resets, 409s) can be switched on for a stretch of time, measured on a clock the test may fake.
 */
public final class FakeBotApiServer implements AutoCloseable {
    public static final String TOKEN = "123456:TESTTOKENabcdefghijklmnopqrstuvwxyz";
    static final String CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot "
            + "instance is running";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SENDS = Set.of("sendMessage", "sendPhoto");
    private static final List<String> METHODS = List.of("getUpdates", "deleteWebhook", "setWebhook", "getFile",
            "sendMessage", "sendPhoto", "editMessageText", "sendChatAction", "answerCallbackQuery", "setMyCommands",
            "getMe");

    /** What a fault does to the methods it covers. */
    public enum Fault {
        /** A JSON 500 Internal Server Error. */
        SERVER_ERROR,
        /** A 502 HTML page, as a proxy in front of the Bot API gives. */
        ERROR_PAGE,
        /** No answer until the fault ends; then the request is carried out, like a slow Telegram. */
        HANG,
        /** The connection is reset as soon as a request arrives (all methods). */
        RESET,
        /** getUpdates answers 409 Conflict, as when another instance polls the token. */
        CONFLICT
    }

    /** One recorded call. */
    public record Call(String method, JsonNode body, long atMillis) {
        public String text() {
            return body.has("text") ? body.path("text").asText() : body.path("caption").asText();
        }

        public long chatId() {
            return body.path("chat_id").asLong();
        }
    }

    private final HttpServer server;
    private final ResettingProxy proxy;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "fake-webhook-push"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> delivered = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Call> sent = new LinkedBlockingQueue<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, Deque<String>> scripted = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<Long, String> messages = new ConcurrentHashMap<>();
    private final Map<Call, Long> messageIds = new ConcurrentHashMap<>();
    private final AtomicLong nextUpdate = new AtomicLong(1);
    private final AtomicLong nextMessage = new AtomicLong(100);
    private final AtomicLong pollGeneration = new AtomicLong();
    private final AtomicLong floodRefusals = new AtomicLong();
    private volatile LongSupplier clock = System::currentTimeMillis;
    private volatile FakeFloodControl flood;
    private volatile Fault fault;
    private volatile Set<String> faultMethods = Set.of();
    private volatile long faultEnds;
    private volatile long maxHoldMillis = 1000;
    private volatile String webhookUrl = "";
    private volatile String webhookSecret = "";
    private final Object changes = new Object();

    public FakeBotApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> daemon(r, "fake-bot-api")));
        server.start();
        proxy = new ResettingProxy(server.getAddress().getPort(), () -> faultActive("*", Fault.RESET));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + proxy.port());
    }

    /** Measures fault stretches on this clock (milliseconds), e.g. the bot's fake time. */
    public void useClock(LongSupplier millis) {
        this.clock = millis;
    }

    /** Holds a long poll at most this long in real time, whatever timeout the bot asks for. */
    public void holdPollsAtMost(Duration hold) {
        this.maxHoldMillis = hold.toMillis();
    }

    /** Switches Telegram's flood control on: 30 messages a second for the bot, about 1 a second per chat. */
    public void floodControl() {
        flood = new FakeFloodControl(System::nanoTime);
    }

    /** Starts a fault for {@code length} on the clock, for the given methods (all when none are given). */
    public void fault(Fault kind, Duration length, String... methods) {
        faultMethods = methods.length == 0 ? Set.of("*") : Set.of(methods);
        faultEnds = clock.getAsLong() + length.toMillis();
        fault = kind;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Ends the fault now; hung requests are carried out. */
    public void endFault() {
        fault = null;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean faultOver() {
        return fault == null || clock.getAsLong() >= faultEnds;
    }

    /** Queues a text message from a user in a chat. */
    public long text(long userId, long chatId, String text) {
        return enqueue(message(userId, chatId).put("text", text));
    }

    /** Queues a sticker, which the bot does not read. */
    public long sticker(long userId, long chatId) {
        ObjectNode m = message(userId, chatId);
        m.putObject("sticker").put("file_id", "s1").put("file_unique_id", "s1").put("type", "regular")
                .put("width", 1).put("height", 1).put("is_animated", false).put("is_video", false);
        return enqueue(m);
    }

    /** Queues a document and makes its content downloadable. */
    public long document(long userId, long chatId, String fileName, byte[] content) {
        String id = "f" + nextUpdate.get();
        files.put("documents/" + id, content);
        ObjectNode m = message(userId, chatId);
        m.putObject("document").put("file_id", id).put("file_unique_id", id).put("file_name", fileName)
                .put("file_size", content.length);
        return enqueue(m);
    }

    /** Queues a pressed inline button under a message Telegram does not know (any more). */
    public long button(long userId, long chatId, String data) {
        return button(userId, chatId, data, 1);
    }

    /** Queues a pressed inline button under the given message. */
    public long button(long userId, long chatId, String data, long messageId) {
        ObjectNode u = JSON.createObjectNode();
        ObjectNode q = u.putObject("callback_query").put("id", "cb" + nextUpdate.get()).put("data", data);
        q.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U" + userId);
        ObjectNode message = q.put("chat_instance", "c" + chatId).putObject("message").put("message_id", messageId)
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

    /** Waits for the next message Telegram accepted (sendMessage or sendPhoto), or fails after 20 s. */
    public Call nextSent() throws InterruptedException {
        Call call = sent.poll(20, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no message was sent within 20 s; calls: " + calls);
        }
        return call;
    }

    /** How many messages flood control refused with 429. */
    public long floodRefusals() {
        return floodRefusals.get();
    }

    /** The message id Telegram gave an accepted message. */
    public long messageIdOf(Call sent) {
        return messageIds.get(sent);
    }

    /** Every call of a method, accepted or not. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Every message Telegram accepted, in the order it accepted them. */
    public List<Call> delivered() {
        return List.copyOf(delivered);
    }

    /** The accepted messages to one chat. */
    public List<String> deliveredTo(long chatId) {
        return delivered.stream().filter(c -> c.chatId() == chatId).map(Call::text).toList();
    }

    /** Updates not yet confirmed by a getUpdates offset (or a webhook answer). */
    public int unconfirmed() {
        synchronized (updates) {
            return updates.size();
        }
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    private ObjectNode message(long userId, long chatId) {
        ObjectNode m = JSON.createObjectNode().put("message_id", nextMessage.incrementAndGet()).put("date", 1);
        m.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "U" + userId);
        m.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "group" : "private");
        return m;
    }

    private long enqueue(ObjectNode messageOrUpdate) {
        long id = nextUpdate.getAndIncrement();
        ObjectNode update = messageOrUpdate.has("callback_query") ? messageOrUpdate
                : JSON.createObjectNode().set("message", messageOrUpdate);
        update.put("update_id", id);
        synchronized (updates) {
            updates.add(update);
            updates.notifyAll();
        }
        if (!webhookUrl.isEmpty()) {
            pusher.execute(this::push);
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
                write(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = canonical(path.substring(path.lastIndexOf('/') + 1));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode body = type.startsWith("multipart/form-data") ? FakeMultipart.parse(type, raw)
                    : raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            Call call = new Call(method, body, clock.getAsLong());
            calls.add(call);
            if (faultActive(method, Fault.HANG)) {
                hang(method);
            }
            String answer = answer(method, body);
            int space = answer.indexOf(' ');
            int status = Integer.parseInt(answer.substring(0, space));
            if (status == 200 && SENDS.contains(method)) {
                messageIds.put(call, JSON.readTree(answer.substring(space + 1)).path("result").path("message_id")
                        .asLong());
                delivered.add(call);
                sent.add(call);
            }
            write(exchange, status, answer.substring(space + 1));
        } finally {
            synchronized (changes) {
                changes.notifyAll();
            }
        }
    }

    /** Waits until the condition holds, checking after every call the server answers; fails after 30 s. */
    public void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, Duration.ofSeconds(30));
    }

    /** Waits until the condition holds, checking after every call the server answers. */
    public void await(BooleanSupplier condition, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("not within " + limit.toSeconds() + " s: " + what + "; delivered: "
                            + delivered);
                }
                changes.wait(Math.min(left, 100));
            }
        }
    }

    /** When the last fault ends (or ended), on the server's clock. */
    public long faultEnds() {
        return faultEnds;
    }

    /** "status body" for a call. */
    private String answer(String method, JsonNode body) throws IOException {
        Deque<String> script = scripted.get(method);
        String next = script == null ? null : script.poll();
        if (next != null) {
            return next;
        }
        if (faultActive(method, Fault.SERVER_ERROR)) {
            return "500 " + error(500, "Internal Server Error");
        }
        if (faultActive(method, Fault.ERROR_PAGE)) {
            return "502 <html><body><h1>502 Bad Gateway</h1></body></html>";
        }
        if (method.equals("getUpdates") && faultActive(method, Fault.CONFLICT)) {
            return "409 " + error(409, CONFLICT);
        }
        String refusal = FakeBotApiChecks.refusal(method, body, messages);
        if (refusal != null) {
            return "400 " + error(400, refusal);
        }
        FakeFloodControl limits = flood;
        if (limits != null && (SENDS.contains(method) || method.equals("editMessageText"))) {
            OptionalInt retryAfter = limits.admit(body.path("chat_id").asLong());
            if (retryAfter.isPresent()) {
                floodRefusals.incrementAndGet();
                int s = retryAfter.getAsInt();
                return "429 {\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + s
                        + "\",\"parameters\":{\"retry_after\":" + s + "}}";
            }
        }
        return result(method, body);
    }

    private String result(String method, JsonNode body) throws IOException {
        switch (method) {
            case "getUpdates" -> {
                if (!webhookUrl.isEmpty()) {
                    return "409 " + error(409, "Conflict: can't use getUpdates method while webhook is active; "
                            + "use deleteWebhook to delete the webhook first");
                }
                return poll(body.path("offset").asLong(0), body.path("timeout").asLong(0));
            }
            case "setWebhook" -> {
                webhookUrl = body.path("url").asText();
                webhookSecret = body.path("secret_token").asText();
                pusher.execute(this::push);
                return ok("true");
            }
            case "deleteWebhook" -> {
                webhookUrl = "";
                return ok("true");
            }
            case "getFile" -> {
                String id = body.path("file_id").asText();
                return ok("{\"file_id\":\"" + id + "\",\"file_unique_id\":\"" + id + "\",\"file_path\":\"documents/"
                        + id + "\"}");
            }
            case "sendMessage", "sendPhoto" -> {
                long id = nextMessage.incrementAndGet();
                messages.put(id, body.path("text").asText());
                return ok(sentMessage(id, body.path("chat_id").asLong()));
            }
            case "editMessageText" -> {
                messages.put(body.path("message_id").asLong(), body.path("text").asText());
                return ok(sentMessage(body.path("message_id").asLong(), body.path("chat_id").asLong()));
            }
            case "getMe" -> {
                return ok("{\"id\":42,\"is_bot\":true,\"first_name\":\"Coach\",\"username\":\"CoachBot\"}");
            }
            default -> {
                return ok("true");
            }
        }
    }

    /**
     * Long polling: confirms everything below the offset, then holds the request until an update at or after it
     * exists or the timeout passes; a newer getUpdates ends an older one with 409 Conflict, like Telegram.
     */
    private String poll(long offset, long timeoutSeconds) throws IOException {
        long generation = pollGeneration.incrementAndGet();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutSeconds * 1000,
                maxHoldMillis));
        synchronized (updates) {
            updates.notifyAll();
            updates.removeIf(u -> u.path("update_id").asLong() < offset);
            while (updates.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (pollGeneration.get() != generation) {
                    return "409 " + error(409, CONFLICT);
                }
                if (left <= 0) {
                    break;
                }
                try {
                    updates.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return ok(JSON.writeValueAsString(updates.stream().limit(100).toList()));
        }
    }

    /** Pushes unconfirmed updates to the webhook in order; each one again until it is answered 200. */
    private void push() {
        while (!webhookUrl.isEmpty()) {
            ObjectNode next;
            synchronized (updates) {
                if (updates.isEmpty()) {
                    return;
                }
                next = updates.get(0);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(webhookUrl))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .header(WebhookReceiver.SECRET_HEADER, webhookSecret)
                        .POST(HttpRequest.BodyPublishers.ofString(next.toString())).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    synchronized (updates) {
                        updates.remove(next);
                    }
                    continue;
                }
            } catch (IOException e) {
                // Telegram tries again later.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                pusher.schedule(this::push, 100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the server is closing
            }
            return;
        }
    }

    private boolean faultActive(String method, Fault kind) {
        Fault f = fault;
        return f == kind && clock.getAsLong() < faultEnds
                && (faultMethods.contains("*") || faultMethods.contains(method));
    }

    private void hang(String method) {
        synchronized (this) {
            while (faultActive(method, Fault.HANG)) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String sentMessage(long id, long chatId) {
        return "{\"message_id\":" + id + ",\"date\":1,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"}}";
    }

    private static String ok(String result) {
        return "200 {\"ok\":true,\"result\":" + result + "}";
    }

    static String error(int code, String description) {
        return "{\"ok\":false,\"error_code\":" + code + ",\"description\":" + JSON.valueToTree(description) + "}";
    }

    /** Like Telegram, method names are case-insensitive. */
    private static String canonical(String method) {
        return METHODS.stream().filter(m -> m.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException gone) {
            // The client gave up waiting (a hang); Telegram carried the request out all the same.
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        endFault();
        webhookUrl = "";
        pusher.shutdownNow();
        server.stop(0);
        try {
            proxy.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
