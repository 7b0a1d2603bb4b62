package org.coachbot.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the dashboard under one path: the page's three files and its font, and the API behind Telegram's
 * {@code initData}. Every answer carries a strict Content-Security-Policy (the page's own scripts, styles, font and
 * API only; framed by Telegram Web only); API answers are never cached.
 */
final class DashboardServer {
    /** Sent with every answer; the page needs nothing inline and nothing from another origin. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors https://web.telegram.org";
    /** How a request carries the Mini App's initData, as Telegram's own examples do. */
    static final String AUTH_SCHEME = "tma ";
    /** An assignment request is a few hundred bytes; anything much larger is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int GZIP_ABOVE_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);
    private static final Map<String, String> FILES = Map.of(
            "", "/dashboard/index.html", "index.html", "/dashboard/index.html",
            "app.js", "/dashboard/app.js", "app.css", "/dashboard/app.css",
            "font.otf", "/fonts/NotoSansSC-Subset.otf");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "otf", "font/otf");

    private final String path;
    private final InitDataVerifier verifier;
    private final LongPredicate staff;
    private final DashboardApi api;
    private final Optional<ConsoleLogin> login;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> etags = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();

    /**
     * @param path  where the dashboard is served, starting and ending with a slash
     * @param staff who may read the team: supervisors and administrators
     * @param login the console's one-time sign-in, empty under Telegram
     */
    DashboardServer(String path, InitDataVerifier verifier, LongPredicate staff, DashboardApi api,
                    Optional<ConsoleLogin> login) {
        this.path = path;
        this.verifier = verifier;
        this.staff = staff;
        this.api = api;
        this.login = login;
        FILES.forEach((name, resource) -> {
            byte[] bytes = resource(resource);
            files.put(name, bytes);
            etags.put(name, "\"" + sha256(bytes).substring(0, 16) + "\"");
        });
    }

    /** Answers one request; whatever fails, the client gets a status and the next request still runs. */
    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            String full = exchange.getRequestURI().getRawPath();
            if (!full.startsWith(path)) {
                // The context also receives the path without its slash: the page's relative links need it.
                headers.set("Location", path);
                exchange.sendResponseHeaders(full.equals(path.substring(0, path.length() - 1)) ? 301 : 404, -1);
                return;
            }
            String route = full.substring(path.length());
            try {
                if (route.startsWith("api/")) {
                    api(exchange, route.substring("api/".length()));
                } else {
                    file(exchange, route);
                }
            } catch (RuntimeException e) {
                log.error("dashboard request {} {} failed", exchange.getRequestMethod(), route, e);
                json(exchange, api.error(500, "failed"));
            }
        }
    }

    private void api(HttpExchange exchange, String route) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            exchange.sendResponseHeaders(413, -1);
            return;
        }
        if (route.equals("login") && login.isPresent() && method.equals("POST")) {
            String code;
            try {
                code = JSON.readTree(body.get()).path("code").asText(null);
            } catch (IOException e) {
                code = null;
            }
            Optional<String> initData = login.get().redeem(code);
            json(exchange, initData.isPresent()
                    ? new DashboardApi.Answer(200, JSON.writeValueAsBytes(Map.of("initData", initData.get())))
                    : api.error(401, "login.used"));
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        InitData who;
        try {
            who = verifier.verify(authorization != null && authorization.startsWith(AUTH_SCHEME)
                    ? authorization.substring(AUTH_SCHEME.length()) : null);
        } catch (InitDataException e) {
            refuse(exchange, e.reason().name());
            json(exchange, api.error(401, "unauthorized"));
            return;
        }
        if (!staff.test(who.userId())) {
            refuse(exchange, "user " + who.userId() + " is not a supervisor");
            json(exchange, api.error(403, "forbidden"));
            return;
        }
        json(exchange, api.handle(method, route, body.get(), who));
    }

    private void file(HttpExchange exchange, String route) throws IOException {
        byte[] bytes = files.get(route);
        String method = exchange.getRequestMethod();
        if (bytes == null || !(method.equals("GET") || method.equals("HEAD"))) {
            exchange.sendResponseHeaders(bytes == null ? 404 : 405, -1);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        String name = route.isEmpty() ? "index.html" : route;
        headers.set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        // Revalidated each time, so a new bot version's page is never mixed with an old script.
        headers.set("Cache-Control", "no-cache");
        headers.set("ETag", etags.get(route));
        if (etags.get(route).equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, bytes, method.equals("HEAD"));
    }

    private void json(HttpExchange exchange, DashboardApi.Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, answer.status(), answer.json(), false);
    }

    /** Sends the body, gzipped when the client takes it and it is worth it (the team table shrinks about 6x). */
    private static void send(HttpExchange exchange, int status, byte[] bytes, boolean headOnly) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        byte[] out = bytes;
        if (accept != null && accept.contains("gzip") && bytes.length > GZIP_ABOVE_BYTES) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            out = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        if (headOnly) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(out);
        }
    }

    /** The request body, or empty when it is larger than {@link #MAX_BODY_BYTES}. */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        }
    }

    private void refuse(HttpExchange exchange, String why) {
        long n = refused.incrementAndGet();
        if (n == 1 || n % 100 == 0) {
            log.warn("refused {} dashboard request(s), the last from {}: {}", n,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), why);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
