package org.coachbot.telegram;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import okhttp3.OkHttpClient;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Notifier;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long-polls the Bot API with telegrambots' long-polling session and hands updates to the chat core: one chat
 * strictly in order, different chats in parallel on a bounded pool. Nothing a handler throws stops polling, and the
 * finished-update mark is saved in {@code DATA_DIR} and used as the first offset, so a restart neither repeats nor
 * skips a message. Replies go out through {@link Delivery}, which throttles and honours {@code retry_after}.
 */
public final class TelegramFrontEnd {
    /** A reply slower than this shows "typing…", refreshed before Telegram's 5-second display runs out. */
    static final Duration TYPING_AFTER = Duration.ofSeconds(1);
    static final Duration TYPING_EVERY = Duration.ofSeconds(4);
    /** Bounded wait for in-flight replies on shutdown. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TelegramFrontEnd.class);

    private final TelegramSettings settings;
    private final ChatCore core;
    private final List<Map.Entry<String, String>> menu;
    private final BotApi api;
    private final Delivery delivery;
    private final OffsetStore offsets;
    private final UpdateTranslator translator;
    private final Throttle.Sleeper sleeper;
    private final Texts texts = Texts.of("telegram");
    private final ExecutorService handlers;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "typing"));
    private final ScheduledExecutorService pollerThread =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "telegram-poller"));
    private final Map<Long, CompletableFuture<Void>> chatTails = new ConcurrentHashMap<>();
    private final OkHttpClient http;
    private TelegramBotsLongPollingApplication polling;
    private volatile boolean stopping;

    public TelegramFrontEnd(TelegramSettings settings, ChatCore core, Path dataDir, List<Map.Entry<String, String>> menu) {
        this(settings, core, dataDir, menu, Thread::sleep);
    }

    /** With an injected sleeper, so tests of 429 and back-off do not wait. */
    public TelegramFrontEnd(TelegramSettings settings, ChatCore core, Path dataDir,
                            List<Map.Entry<String, String>> menu, Throttle.Sleeper sleeper) {
        this.settings = settings;
        this.core = core;
        this.menu = List.copyOf(menu);
        this.sleeper = sleeper;
        this.api = new BotApi(settings);
        this.delivery = new Delivery(api, new Throttle(settings.messagesPerSecond(),
                settings.messagesPerChatPerSecond(), settings.chatBurst(), System::nanoTime, sleeper), sleeper);
        this.offsets = new OffsetStore(dataDir);
        this.translator = new UpdateTranslator(settings.adminIds());
        this.handlers = Executors.newFixedThreadPool(settings.handlerThreads(), r -> daemon(r, "chat-handler"));
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(settings.pollTimeoutSeconds() + 15L))
                .build();
    }

    /**
     * Checks the token, registers the command menu and starts polling in the background. While the Bot API cannot
     * be reached this waits and tries again; a token Telegram rejects fails at once.
     *
     * @throws IllegalStateException when Telegram rejects the token
     */
    public void start() {
        awaitBotApi();
        registerMenu();
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollerThread,
                PollBackOff::new);
        try {
            polling.registerBot(settings.token(), this::telegramUrl, this::getUpdates, this::consume);
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
            throw new IllegalStateException("cannot start long polling: " + settings.mask(e.getMessage()));
        }
    }

    private void awaitBotApi() {
        PollBackOff backOff = new PollBackOff();
        while (!stopping) {
            try {
                api.call("getMe", api.object());
                return;
            } catch (TelegramApiException e) {
                if (e.errorCode() == 401 || e.errorCode() == 404) {
                    throw new IllegalStateException("Telegram rejected BOT_TOKEN (" + e.getMessage()
                            + "); use the token @BotFather gave for this bot");
                }
                long wait = e.errorCode() == 429 ? e.retryAfterSeconds() * 1000L : backOff.nextBackOffMillis();
                log.warn("Bot API not reachable yet ({}); trying again in {} ms", e.getMessage(), wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Bot API");
                }
            }
        }
    }

    /** Stops polling, lets in-flight replies finish (bounded) and saves the offset. */
    public void stop() {
        stopping = true;
        stopPolling();
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("replies still running after {} s; they will be fetched again after the restart",
                        SHUTDOWN_GRACE.toSeconds());
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }

    /**
     * Closing the session interrupts the long poll in progress, which the session logs as a failed request with a
     * stack trace; that one is expected, so the session's log is muted until its thread has ended.
     */
    private void stopPolling() {
        var sessionLog = LoggerFactory.getLogger(BotSession.class) instanceof ch.qos.logback.classic.Logger l ? l : null;
        Level before = sessionLog == null ? null : sessionLog.getLevel();
        if (sessionLog != null) {
            sessionLog.setLevel(Level.OFF);
        }
        try {
            if (polling != null) {
                polling.close();
            }
            http.dispatcher().cancelAll(); // a blocking socket read does not notice the interrupt
            pollerThread.shutdownNow();
            pollerThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("stopping long polling: {}", settings.mask(e.getMessage()));
        } finally {
            if (sessionLog != null) {
                sessionLog.setLevel(before);
            }
        }
    }

    /** Sends to every administrator's private chat. */
    public Notifier notifier() {
        return reply -> settings.adminIds().forEach(id -> {
            try {
                delivery.send(id, reply);
            } catch (RuntimeException e) {
                log.warn("cannot notify admin {}: {}", id, e.getMessage());
            }
        });
    }

    /** Downloads a document with getFile and the file URL on the same Bot API base. */
    public FileFetcher fileFetcher() {
        return document -> {
            JsonNode file = api.call("getFile", api.object().put("file_id", document.fileId()));
            return api.download(file.path("file_path").asText());
        };
    }

    private void registerMenu() {
        ArrayNode commands = api.object().arrayNode();
        menu.forEach(e -> commands.addObject().put("command", e.getKey()).put("description", e.getValue()));
        var body = api.object();
        body.set("commands", commands);
        try {
            api.call("setMyCommands", body);
        } catch (TelegramApiException e) {
            log.warn("could not register the command menu (the bot works without it): {}", e.getMessage());
        }
    }

    private TelegramUrl telegramUrl() {
        var base = settings.apiBaseUrl();
        boolean https = "https".equals(base.getScheme());
        return new TelegramUrl(base.getScheme(), base.getHost(), base.getPort() > 0 ? base.getPort() : https ? 443 : 80,
                false);
    }

    /**
     * The session passes the last update it received; before the first one it passes 0, and the offset saved by
     * the previous run takes over, so updates answered before a restart are not fetched again.
     */
    private GetUpdates getUpdates(int lastReceived) {
        return GetUpdates.builder()
                .offset((int) Math.max(lastReceived + 1L, offsets.nextOffset()))
                .timeout(settings.pollTimeoutSeconds())
                .allowedUpdates(List.of("message", "callback_query"))
                .build();
    }

    private void consume(List<Update> updates) {
        if (stopping) {
            return; // not begun, so the saved offset still points at them and the next run fetches them
        }
        for (Update update : updates) {
            try {
                long id = update.getUpdateId();
                if (offsets.begin(id)) {
                    dispatch(id, update);
                }
            } catch (RuntimeException e) {
                log.error("update {} could not be dispatched; polling continues", update.getUpdateId(), e);
            }
        }
    }

    /** Waits after a failed getUpdates: 0.5 s, doubling up to 30 s, back to 0.5 s after a success. */
    static final class PollBackOff implements BackOff {
        private int failures;

        @Override
        public void reset() {
            failures = 0;
        }

        @Override
        public long nextBackOffMillis() {
            failures = Math.min(failures + 1, 7);
            return Math.min(30_000L, 250L << failures);
        }
    }

    private void dispatch(long updateId, Update update) {
        var incoming = translator.translate(update);
        if (update.hasCallbackQuery()) {
            answerCallback(update.getCallbackQuery().getId());
        }
        if (incoming.isEmpty()) {
            offsets.finish(updateId);
            return;
        }
        long chat = incoming.get().chatId();
        // Chaining on the chat's last task keeps one chat in order while other chats use the other threads.
        chatTails.compute(chat, (id, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenRunAsync(() -> handle(updateId, incoming.get()), handlers));
    }

    private void handle(long updateId, Incoming in) {
        ScheduledFuture<?> typing = timers.scheduleAtFixedRate(() -> delivery.typing(in.chatId()),
                TYPING_AFTER.toMillis(), TYPING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (!settings.allowedUserIds().isEmpty() && !settings.allowedUserIds().contains(in.user().id())) {
                delivery.send(in.chatId(), Reply.html(texts.get("not.allowed")));
            } else {
                core.handle(in, responder(in.chatId(), in.messageId()));
            }
        } catch (RuntimeException e) {
            log.error("update {} in chat {} failed; polling continues", updateId, in.chatId(), e);
        } finally {
            typing.cancel(false);
            offsets.finish(updateId);
        }
    }

    /** @param buttonMessage the message whose button was pressed, 0 for none: what {@code replace} edits */
    private Responder responder(long chatId, long buttonMessage) {
        return new Responder() {
            @Override
            public void send(Reply reply) {
                delivery.send(chatId, reply);
            }

            @Override
            public void replace(Reply reply) {
                if (buttonMessage == 0 || reply.hasImage() || !delivery.replace(chatId, buttonMessage, reply)) {
                    delivery.send(chatId, reply);
                }
            }

            @Override
            public Status status(String html) {
                long messageId = delivery.send(chatId, Reply.html(html));
                return update -> delivery.edit(chatId, messageId, update);
            }
        };
    }

    private void answerCallback(String callbackId) {
        try {
            api.call("answerCallbackQuery", api.object().put("callback_query_id", callbackId));
        } catch (TelegramApiException e) {
            log.debug("answerCallbackQuery failed: {}", e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
