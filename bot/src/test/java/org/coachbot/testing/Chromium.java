package org.coachbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium (Debian's, at {@code /usr/bin/chromium}) driven over the Chrome DevTools Protocol with
 * the JDK's own WebSocket client: no driver, no download. {@link #open} gives a {@link BrowserPage} that records
 * every JavaScript error, console error, CSP violation and dialog of the page.
 */
public final class Chromium implements AutoCloseable {
    /** Where Debian's chromium package puts the browser; {@code -Dcoach.chromium=…} names another. */
    public static final Path BINARY = Path.of(System.getProperty("coach.chromium", "/usr/bin/chromium"));
    /** How long one protocol call may take; a page load on a busy machine stays well within it. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> sessions = new ConcurrentHashMap<>();

    private Chromium(Process process, URI endpoint) throws IOException {
        this.process = process;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(endpoint, new Listener()).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to Chromium's DevTools at " + endpoint + ": " + e, e);
        }
    }

    /**
     * Starts Chromium headless with a fresh profile in {@code userDataDir}, with the flags that keep it off the
     * network (this machine's closed network refuses Google's background connections).
     *
     * @throws IllegalStateException when Chromium is not installed, saying how to install it
     */
    public static Chromium start(Path userDataDir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Chromium is not installed at " + BINARY + ": the dashboard's browser "
                    + "tests need Debian's chromium package (apt-get install chromium; .ci/run installs it when "
                    + "missing), or -Dcoach.chromium=/path/to/chromium");
        }
        Files.createDirectories(userDataDir);
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--no-default-browser-check", "--mute-audio",
                "--user-data-dir=" + userDataDir.toAbsolutePath(), "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStderr(process, endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, endpoint.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Chromium at " + BINARY + " did not open its DevTools port: " + e, e);
        }
    }

    /** Chromium names its DevTools address on stderr; the rest is drained so the process never blocks on it. */
    private static void readStderr(Process process, CompletableFuture<URI> endpoint) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint.complete(URI.create(m.group(1)));
                }
            }
            endpoint.completeExceptionally(new IOException("Chromium exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            endpoint.completeExceptionally(e);
        }
    }

    /** A new tab of {@code width} x {@code height} CSS pixels (a phone is 390 x 844), on about:blank. */
    public BrowserPage open(int width, int height) {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        return new BrowserPage(this, session, width, height);
    }

    void listen(String session, Consumer<JsonNode> events) {
        sessions.put(session, events);
    }

    /** Sends one protocol command (to a tab when {@code session} is set) and waits for its result. */
    JsonNode call(String session, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true);
        try {
            JsonNode reply = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer from Chromium within " + CALL_TIMEOUT, e);
        } finally {
            pending.remove(id);
        }
    }

    private void dispatch(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("sessionId")) {
            Consumer<JsonNode> events = sessions.get(message.get("sessionId").asText());
            if (events != null) {
                events.accept(message);
            }
        }
    }

    @Override
    public void close() {
        try {
            call(null, "Browser.close", Map.of());
        } catch (IllegalStateException alreadyGone) {
            // the process is ended below either way
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Joins fragmented frames (a screenshot arrives in many) and hands each whole message on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(JSON.readTree(text));
                } catch (IOException e) {
                    throw new IllegalStateException("Chromium sent a message that is not JSON", e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
