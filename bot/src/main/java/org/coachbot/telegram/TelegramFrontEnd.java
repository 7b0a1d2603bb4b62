package org.coachbot.telegram;

import org.coachbot.chat.ChatCore;
import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.FileFetcher;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Messenger;
import org.coachbot.chat.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connects Telegram to the chat core. Updates come by long polling or webhook into a durable inbox, run one chat
 * strictly in order and different chats in parallel, and every reply goes through a durable outbox; a restart
 * after a crash or a stop handles what the inbox still holds and sends what the outbox still holds.
 */
public final class TelegramFrontEnd {
    /** Bounded wait for replies in progress on shutdown; what is left is finished after the restart. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Handled updates and sent replies are kept this long, then pruned. */
    static final Duration KEEP_DONE = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(TelegramFrontEnd.class);

    private final TelegramSettings settings;
    private final CommandMenu menu;
    private final TimeSource time;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Connection connection;
    private final BotClient api;
    private final Replies replies;
    private final ChatLanes lanes;
    private final UpdateTranslator translator;
    private final UpdateHandler handler;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telegram-timers");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<String> fatal = new CompletableFuture<>();
    private Poller poller;
    private Thread pollerThread;
    private WebhookReceiver webhook;
    private volatile boolean stopping;

    public TelegramFrontEnd(TelegramSettings settings, ChatCore core, Path dataDir, CommandMenu menu) {
        this(settings, core, dataDir, menu, TimeSource.system());
    }

    /** With injected time, so tests of back-off, 429 and conflicts do not wait. */
    public TelegramFrontEnd(TelegramSettings settings, ChatCore core, Path dataDir,
                            CommandMenu menu, TimeSource time) {
        this(settings, core, menu, time, DeliveryTables.open(dataDir), null, null);
    }

    /** With the inbox and outbox given, so tests can make the database fail. */
    TelegramFrontEnd(TelegramSettings settings, ChatCore core, CommandMenu menu, TimeSource time,
                     Connection connection, Inbox inbox, Outbox outbox) {
        this.settings = settings;
        this.menu = menu;
        this.time = time;
        this.connection = connection;
        this.inbox = inbox != null ? inbox : new SqliteInbox(connection, time::millis);
        this.outbox = outbox != null ? outbox : new SqliteOutbox(connection, time::millis);
        this.api = new BotClient(settings);
        Throttle throttle = new Throttle(settings.messagesPerSecond(), settings.messagesPerChatPerSecond(),
                settings.chatBurst(), time);
        this.replies = new Replies(this.outbox, new Delivery(api, throttle, time, settings.maxReplyAge(),
                () -> stopping), time);
        this.lanes = new ChatLanes(settings.handlerThreads());
        this.translator = new UpdateTranslator(settings.adminIds(), settings.supervisorIds(), api::identity);
        this.handler = new UpdateHandler(core, settings.allowedUserIds(), translator, replies, this.inbox, api, timers,
                () -> stopping);
    }

    /**
     * Checks the token, registers the command menu, resumes what the last run left and starts receiving. While
     * the Bot API cannot be reached this waits and tries again; a token Telegram rejects fails at once.
     *
     * @throws IllegalStateException when Telegram rejects the token or the webhook
     */
    public void start() {
        untilAnswered("getMe", api::getMe);
        registerMenu();
        prune();
        timers.scheduleAtFixedRate(this::prune, 6, 6, TimeUnit.HOURS);
        resume();
        if (settings.webhook().isPresent()) {
            startWebhook(settings.webhook().get());
        } else {
            untilAnswered("deleteWebhook", api::deleteWebhook);
            poller = new Poller(api, inbox, this::entry, this::dispatch, lanes::queued, time,
                    settings.conflictLimit(), this::fail);
            pollerThread = new Thread(poller, "telegram-poller");
            pollerThread.setDaemon(true);
            pollerThread.start();
        }
    }

    /** Completes with the reason when the bot cannot go on, e.g. another instance polls the same token. */
    public CompletableFuture<String> fatal() {
        return fatal;
    }

    /** The port the webhook listens on; for a configured port of 0. */
    public int webhookPort() {
        return webhook == null ? -1 : webhook.port();
    }

    /** Stops receiving, lets replies in progress finish (bounded); the rest waits in the inbox and outbox. */
    public void stop() {
        stopping = true;
        if (webhook != null) {
            webhook.stop();
        }
        if (poller != null) {
            poller.stop();
            api.cancelPolls();
            pollerThread.interrupt();
            try {
                pollerThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lanes.stop(SHUTDOWN_GRACE);
        timers.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the delivery database: {}", e.getMessage());
        }
    }

    /** Sends messages the bot starts itself through the outbox, in the chat's lane, behind its replies. */
    public Messenger messenger() {
        return (chatId, reply) -> {
            List<OutboxMessage> unrecorded = replies.record(chatId, reply);
            lanes.submit(chatId, () -> replies.flush(chatId, unrecorded));
        };
    }

    /** Sends to every administrator's private chat, like {@link #messenger()}. */
    public Notifier notifier() {
        Messenger messenger = messenger();
        return reply -> settings.adminIds().forEach(id -> messenger.send(id, reply));
    }

    /** Downloads a document with getFile from the configured Bot API. */
    public FileFetcher fileFetcher() {
        return document -> api.download(document.fileId());
    }

    /**
     * Makes the menu button of each of these users' private chats open the Mini App at {@code url}. A user who has
     * never opened the private chat cannot have one yet (Telegram answers "chat not found"); that is logged, and
     * the other users still get theirs.
     *
     * @return the users whose menu button was set
     */
    public Set<Long> offerWebApp(Collection<Long> users, String label, String url) {
        Set<Long> done = new HashSet<>();
        for (long user : users) {
            try {
                api.setWebAppMenuButton(user, label, url);
                done.add(user);
            } catch (BotApiException e) {
                log.info("no menu button for user {} yet (set once they write to the bot privately): {}", user,
                        e.getMessage());
            }
        }
        return done;
    }

    private void startWebhook(TelegramSettings.Webhook hook) {
        webhook = new WebhookReceiver(hook, this::receive);
        try {
            webhook.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for the webhook on port " + hook.port() + ": "
                    + e.getMessage() + "; set WEBHOOK_PORT to a free port");
        }
        untilAnswered("setWebhook", () -> api.setWebhook(hook.url().toString(), hook.secret()));
        log.info("webhook set to {}", hook.url());
    }

    /** A webhook update: recorded, then answered 200; false makes Telegram send it again later. */
    private boolean receive(Update update) {
        try {
            dispatch(inbox.record(List.of(entry(update)), 0));
            return true;
        } catch (RuntimeException e) {
            log.error("cannot record update {} from the webhook; Telegram sends it again: {}", update.getUpdateId(),
                    e.getMessage());
            return false;
        }
    }

    private void resume() {
        for (long chat : outbox.chatsWithPending()) {
            lanes.submit(chat, () -> replies.flush(chat, List.of()));
        }
        List<InboxEntry> pending = inbox.pending();
        if (!pending.isEmpty()) {
            log.info("handling {} update(s) the last run received but did not finish", pending.size());
        }
        pending.forEach(e -> lanes.submit(e.chatId(), () -> handler.handle(e)));
    }

    /**
     * An inline query has no chat; it is answered in the lane of the user who typed it, so it is kept in the inbox
     * like a message and nothing holds up other users.
     */
    private InboxEntry entry(Update update) {
        long chat;
        try {
            chat = translator.translate(update).map(Incoming::chatId)
                    .or(() -> translator.inline(update).map(q -> q.user().id())).orElse(InboxEntry.NO_CHAT);
        } catch (RuntimeException e) {
            log.warn("update {} cannot be read and is skipped: {}", update.getUpdateId(), e.toString());
            chat = InboxEntry.NO_CHAT;
        }
        return new InboxEntry(update.getUpdateId(), chat, update);
    }

    private void dispatch(List<InboxEntry> fresh) {
        for (InboxEntry e : fresh) {
            if (e.update().hasCallbackQuery()) {
                api.answerCallback(e.update().getCallbackQuery().getId());
            }
            lanes.submit(e.chatId(), () -> handler.handle(e));
        }
    }

    /**
     * Calls the Bot API until it answers: an unreachable or failing Bot API is waited for with back-off, a
     * refusal ends the start with a message saying what to fix.
     */
    private void untilAnswered(String method, Runnable call) {
        Poller.BackOff backOff = new Poller.BackOff();
        while (!stopping) {
            try {
                call.run();
                return;
            } catch (BotApiException e) {
                if (e.errorCode() == 401 || e.errorCode() == 404) {
                    throw new IllegalStateException("Telegram rejected BOT_TOKEN (" + e.getMessage()
                            + "); use the token @BotFather gave for this bot");
                }
                if (!e.retryable()) {
                    throw new IllegalStateException(method + " failed: " + e.getMessage());
                }
                long wait = e.errorCode() == 429 ? Math.max(1, e.retryAfterSeconds()) * 1000L : backOff.next();
                log.warn("Bot API not reachable yet ({}); trying {} again in {} ms", e.getMessage(), method, wait);
                try {
                    time.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Bot API");
                }
            }
        }
    }

    /**
     * Registers the command menu of each scope: private chats, groups, then each supervisor's and admin's private
     * chat, where Telegram shows the commands only they may use.
     */
    private void registerMenu() {
        if (menu.isEmpty()) {
            return;
        }
        register("private chats", menu.privateChats(), new BotCommandScopeAllPrivateChats());
        register("groups", menu.groups(), new BotCommandScopeAllGroupChats());
        for (long user : settings.supervisorIds()) {
            if (!settings.adminIds().contains(user)) {
                register("supervisor " + user, menu.supervisors(), new BotCommandScopeChat(Long.toString(user)));
            }
        }
        for (long user : settings.adminIds()) {
            register("admin " + user, menu.admins(), new BotCommandScopeChat(Long.toString(user)));
        }
    }

    private void register(String scope, List<Map.Entry<String, String>> commands, BotCommandScope telegramScope) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            api.setMyCommands(commands, telegramScope);
        } catch (BotApiException e) {
            // A user who never opened the private chat has no chat Telegram could scope a menu to yet.
            log.warn("could not register the command menu for {} (the bot works without it): {}", scope,
                    e.getMessage());
        }
    }

    private void prune() {
        long before = time.millis() - KEEP_DONE.toMillis();
        try {
            inbox.prune(before);
            outbox.prune(before);
        } catch (RuntimeException e) {
            log.warn("cannot prune the inbox and outbox: {}", e.getMessage());
        }
    }

    private void fail(String reason) {
        fatal.complete(reason);
    }
}
