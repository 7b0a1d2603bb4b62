package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Notifier;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Long-polls the Bot API and hands updates to the chat core: one chat strictly in order, different chats in
 * parallel on a bounded pool. Nothing a handler throws stops polling, and the finished-update mark is saved in
 * {@code DATA_DIR} so a restart neither repeats nor skips a message.
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
    private final Map<Long, CompletableFuture<Void>> chatTails = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread poller;

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
    }

    /** Registers the command menu and starts polling in the background. */
    public void start() {
        registerMenu();
        running = true;
        poller = daemon(this::poll, "telegram-poller");
        poller.start();
    }

    /** Stops polling, lets in-flight replies finish (bounded) and saves the offset. */
    public void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
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

    private void poll() {
        int failures = 0;
        while (running) {
            try {
                var body = api.object().put("offset", offsets.nextOffset()).put("timeout", settings.pollTimeoutSeconds());
                body.putArray("allowed_updates").add("message").add("callback_query");
                JsonNode updates = api.call("getUpdates", body, Duration.ofSeconds(settings.pollTimeoutSeconds()));
                failures = 0;
                for (JsonNode update : updates) {
                    long id = update.path("update_id").asLong();
                    if (offsets.begin(id)) {
                        dispatch(id, update);
                    }
                }
            } catch (TelegramApiException e) {
                if (!running) {
                    return;
                }
                failures++;
                log.warn("getUpdates failed ({} in a row): {}", failures, e.getMessage());
                backOff(e.errorCode() == 429 ? e.retryAfterSeconds() * 1000L : Math.min(30_000L, 500L << Math.min(failures, 6)));
            } catch (RuntimeException e) {
                log.error("unexpected error while polling; polling continues", e);
                backOff(1000);
            }
        }
    }

    private void backOff(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void dispatch(long updateId, JsonNode update) {
        var incoming = translator.translate(update);
        if (update.has("callback_query")) {
            answerCallback(update.path("callback_query").path("id").asText());
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
                core.handle(in, responder(in.chatId()));
            }
        } catch (RuntimeException e) {
            log.error("update {} in chat {} failed; polling continues", updateId, in.chatId(), e);
        } finally {
            typing.cancel(false);
            offsets.finish(updateId);
        }
    }

    private Responder responder(long chatId) {
        return new Responder() {
            @Override
            public void send(Reply reply) {
                delivery.send(chatId, reply);
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
