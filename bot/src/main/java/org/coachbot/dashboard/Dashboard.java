package org.coachbot.dashboard;

import com.sun.net.httpserver.HttpServer;
import org.coachbot.chat.Button;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;

/**
 * The team dashboard, a Telegram Mini App served by the bot itself: {@link #forTelegram} listens on all interfaces
 * behind the reverse proxy of {@code WEBAPP_URL} and checks Telegram's {@code initData}; {@link #forConsole}
 * listens on localhost only and signs the console user in with one-time links. The port is taken as soon as the
 * dashboard is made, so the links under {@code /team} are known before the team is built; {@link #serve} starts
 * answering.
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private final HttpServer server;
    private final String path;
    private final InitDataVerifier verifier;
    private final LongPredicate staff;
    private final Optional<ConsoleLogin> login;
    private final Optional<String> publicUrl;
    private final Texts texts = Texts.of("dashboard");
    private ExecutorService threads;

    private Dashboard(HttpServer server, String path, InitDataVerifier verifier, LongPredicate staff,
                      Optional<ConsoleLogin> login, Optional<String> publicUrl) {
        this.server = server;
        this.path = path;
        this.verifier = verifier;
        this.staff = staff;
        this.login = login;
        this.publicUrl = publicUrl;
    }

    /**
     * The dashboard Telegram opens at {@code settings.url()}, for these supervisors and administrators.
     *
     * @throws IOException when the port is taken
     */
    public static Dashboard forTelegram(DashboardSettings settings, String botToken, Set<Long> staff, Clock clock)
            throws IOException {
        if (settings.pageUrl().isEmpty()) {
            throw new IllegalArgumentException("the dashboard needs its public address (WEBAPP_URL) under Telegram");
        }
        Set<Long> allowed = Set.copyOf(staff);
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        return new Dashboard(server, settings.path(),
                new InitDataVerifier(botToken, settings.maxInitDataAge(), clock), allowed::contains,
                Optional.empty(), settings.pageUrl());
    }

    /**
     * The dashboard on localhost for the console user, who is an administrator there; on the configured port, or
     * any free one when that is taken. Requests are signed with a key drawn for this run.
     */
    public static Dashboard forConsole(DashboardSettings settings, long consoleUser, String consoleName,
                                       Set<Long> staff, Clock clock) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(loopback, settings.port()), 0);
        } catch (BindException taken) {
            server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        InitDataVerifier verifier = new InitDataVerifier(Base64.getEncoder().encodeToString(key),
                settings.maxInitDataAge(), clock);
        Set<Long> allowed = Set.copyOf(staff);
        return new Dashboard(server, "/", verifier, id -> id == consoleUser || allowed.contains(id),
                Optional.of(new ConsoleLogin(verifier, consoleUser, consoleName, settings.maxInitDataAge(), clock)),
                Optional.empty());
    }

    /** Starts answering with the team's data. */
    public void serve(TeamBoard board) {
        DashboardServer handler = new DashboardServer(path, verifier, staff, new DashboardApi(board, texts), login);
        server.createContext(path.equals("/") ? "/" : path.substring(0, path.length() - 1), handler::handle);
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        log.info("team dashboard listening on port {} at {}", port(), path);
        // The first table pays for class loading and SQLite's cold pages (over a second for 500 trainees); paid
        // here, not by the first supervisor who opens the dashboard.
        threads.execute(() -> {
            try {
                board.table("");
            } catch (RuntimeException e) {
                log.debug("warming up the team table failed; the first request will build it", e);
            }
        });
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Where to open the dashboard: under Telegram its public address; in the console a fresh link on localhost
     * that signs in once.
     */
    public String link() {
        return publicUrl.orElseGet(() -> "http://127.0.0.1:" + port() + "/#login=" + login.orElseThrow().newCode());
    }

    /** The button under {@code /team}: a Mini App under Telegram, a one-time link in the console. */
    public Optional<Button> button() {
        String label = texts.get("button");
        return Optional.of(publicUrl.isPresent() ? Button.webApp(label, publicUrl.get()) : Button.url(label, link()));
    }

    /** The label of the chat menu button that opens the dashboard. */
    public String menuLabel() {
        return texts.get("menu");
    }

    /** The line the console prints at start. */
    public String consoleLine() {
        return texts.get("console.link", link());
    }

    @Override
    public void close() {
        server.stop(0);
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
