package org.coachbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * One tab of {@link Chromium}: load a page, click and type as a user does (real mouse and keyboard events at the
 * element's place on screen), read the page, wait for it, take a screenshot. Every uncaught exception, console
 * error, CSP violation and alert of the page is recorded in {@link #errors()}.
 */
public final class BrowserPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Chromium browser;
    private final String session;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    BrowserPage(Chromium browser, String session, int width, int height) {
        this.browser = browser;
        this.session = session;
        browser.listen(session, this::event);
        call("Runtime.enable", Map.of());
        call("Log.enable", Map.of());
        call("Page.enable", Map.of());
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 2, "mobile", true));
        call("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
    }

    /**
     * Loads {@code url} as a new document and waits for its load event; like a Telegram client opening a Mini App,
     * even an address that differs from the last only in its fragment starts the page afresh.
     */
    public void load(String url) {
        call("Page.navigate", Map.of("url", "about:blank"));
        loaded = new CompletableFuture<>();
        call("Page.navigate", Map.of("url", url));
        try {
            loaded.get(Chromium.CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + url, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(url + " did not finish loading within " + Chromium.CALL_TIMEOUT, e);
        }
    }

    /** The value of a JavaScript expression (a promise is awaited); an exception in it fails the caller. */
    public JsonNode eval(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new AssertionError(details.path("exception").path("description").asText(details.toString()));
        }
        return result.path("result").path("value");
    }

    public String text(String selector) {
        return eval("(document.querySelector(" + quote(selector) + ") || {}).textContent || ''").asText();
    }

    public int count(String selector) {
        return eval("document.querySelectorAll(" + quote(selector) + ").length").asInt();
    }

    /** The text of every element matching {@code selector}, in document order. */
    public List<String> texts(String selector) {
        JsonNode values = eval("[...document.querySelectorAll(" + quote(selector) + ")].map(e => e.textContent)");
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    /**
     * Waits until the JavaScript {@code condition} holds; the page checks it every few milliseconds on its own
     * timer, so the test thread waits on one answer instead of sleeping.
     */
    public void waitFor(String condition, Duration timeout) {
        eval("new Promise((resolve, reject) => { const end = Date.now() + " + timeout.toMillis() + ";"
                + " (function check() { let ok = false; try { ok = Boolean(" + condition + "); } catch (e) { }"
                + " if (ok) { resolve(true); } else if (Date.now() > end) {"
                + " reject(new Error('timed out after " + timeout.toMillis() + " ms waiting for: ' + "
                + quote(condition) + ")); } else { setTimeout(check, 20); } })(); })");
    }

    public void waitFor(String condition) {
        waitFor(condition, Duration.ofSeconds(20));
    }

    /**
     * Clicks the middle of the first element matching {@code selector} with the mouse, as a user would; fails when
     * the element is hidden or covered there by another one (a sticky column, a sheet), which a user could not tap.
     */
    public void click(String selector) {
        JsonNode box = eval("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) { throw new Error('nothing matches ' + " + quote(selector) + "); }"
                + " e.scrollIntoView({block: 'center', inline: 'nearest'}); const r = e.getBoundingClientRect();"
                + " const x = r.left + r.width / 2; const y = r.top + r.height / 2;"
                + " const hit = document.elementFromPoint(x, y);"
                + " return {x: x, y: y, w: r.width, h: r.height, covered: !hit || !(e === hit || e.contains(hit))"
                + " ? (hit ? hit.outerHTML.slice(0, 120) : 'nothing') : ''}; })()");
        if (box.path("w").asDouble() == 0 || box.path("h").asDouble() == 0) {
            throw new AssertionError(selector + " is not visible, so a user could not click it");
        }
        if (!box.path("covered").asText().isEmpty()) {
            throw new AssertionError(selector + " is covered by " + box.path("covered").asText());
        }
        double x = box.path("x").asDouble();
        double y = box.path("y").asDouble();
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left",
                "clickCount", 1));
        call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left",
                "clickCount", 1));
    }

    /** Clicks into the field and types {@code text} at the cursor. */
    public void type(String selector, String text) {
        click(selector);
        call("Input.insertText", Map.of("text", text));
    }

    /** Picks an option of a select box by value, as choosing it from the list does. */
    public void choose(String selector, String value) {
        eval("(() => { const s = document.querySelector(" + quote(selector) + "); s.value = " + quote(value) + ";"
                + " if (s.value !== " + quote(value) + ") { throw new Error('no option ' + " + quote(value) + "); }"
                + " s.dispatchEvent(new Event('change', {bubbles: true})); })()");
    }

    /** Saves what the tab shows as a PNG. */
    public void screenshot(Path file) throws IOException {
        save(file, call("Page.captureScreenshot", Map.of("format", "png")));
    }

    /** Saves the whole page, scrolled or not, as one tall PNG at the screen's width. */
    public void screenshotWholePage(Path file) throws IOException {
        JsonNode size = eval("({w: document.documentElement.clientWidth, h: document.documentElement.scrollHeight})");
        save(file, call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.path("w").asInt(), "height", size.path("h").asInt(),
                        "scale", 1))));
    }

    private static void save(Path file, JsonNode shot) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** JavaScript exceptions, console errors, CSP violations and dialogs since the tab opened. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public void close() {
        try {
            call("Page.close", Map.of());
        } catch (IllegalStateException closing) {
            // the tab goes away either way
        }
    }

    private JsonNode call(String method, Map<String, ?> params) {
        return browser.call(session, method, params);
    }

    private void event(JsonNode message) {
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("uncaught: " + params.path("exceptionDetails")
                    .path("exception").path("description").asText(params.path("exceptionDetails").toString()));
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                // A refused request's 401 is the page working as meant; it is checked where it is expected.
                if (entry.path("level").asText().equals("error") && !entry.path("source").asText().equals("network")) {
                    errors.add(entry.path("source").asText() + ": " + entry.path("text").asText());
                }
            }
            case "Page.javascriptDialogOpening" -> {
                errors.add("dialog: " + params.path("message").asText());
                // Answered on another thread: this one delivers the protocol's messages.
                CompletableFuture.runAsync(() -> call("Page.handleJavaScriptDialog", Map.of("accept", false)));
            }
            default -> {
            }
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
