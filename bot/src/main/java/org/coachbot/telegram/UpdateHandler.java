package org.coachbot.telegram;

import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Handles one update from the inbox in its chat's lane. Whatever fails (the core, the store, the disk, an
 * {@link Error}), the error is logged with chat and update, the chat gets an apology, and the update is marked
 * handled so the chat's next one runs; only a stop leaves it for the next start.
 */
final class UpdateHandler {
    /** A reply slower than this shows "typing…", refreshed before Telegram's 5-second display runs out. */
    static final Duration TYPING_AFTER = Duration.ofSeconds(1);
    static final Duration TYPING_EVERY = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final ChatCore core;
    private final Set<Long> allowedUserIds;
    private final UpdateTranslator translator;
    private final Replies replies;
    private final Inbox inbox;
    private final BotClient api;
    private final ScheduledExecutorService timers;
    private final BooleanSupplier stopping;
    private final Texts texts = Texts.of("telegram");

    /** {@code timers} only schedules "typing…"; the calls themselves do not wait for Telegram. */
    UpdateHandler(ChatCore core, Set<Long> allowedUserIds, UpdateTranslator translator, Replies replies, Inbox inbox,
                  BotClient api, ScheduledExecutorService timers, BooleanSupplier stopping) {
        this.core = core;
        this.allowedUserIds = Set.copyOf(allowedUserIds);
        this.translator = translator;
        this.replies = replies;
        this.inbox = inbox;
        this.api = api;
        this.timers = timers;
        this.stopping = stopping;
    }

    void handle(InboxEntry e) {
        long chat = e.chatId();
        ScheduledFuture<?> typing = null;
        Responder out = replies.responder(chat, e.updateId(), pressedMessage(e));
        try {
            typing = timers.scheduleAtFixedRate(() -> api.typing(chat), TYPING_AFTER.toMillis(),
                    TYPING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            Incoming in = translator.translate(e.update()).orElseThrow();
            if (!allowedUserIds.isEmpty() && !allowedUserIds.contains(in.user().id())) {
                out.send(Reply.html(texts.get("not.allowed")));
            } else {
                core.handle(in, out);
            }
        } catch (Throwable t) {
            if (stopping.getAsBoolean()
                    && (t instanceof BotApiException.Interrupted || Thread.currentThread().isInterrupted())) {
                log.info("update {} in chat {} is finished after the restart", e.updateId(), chat);
                return;
            }
            log.error("update {} in chat {} failed; the chat gets an apology and its next message is handled",
                    e.updateId(), chat, t);
            apologize(e, out);
        } finally {
            if (typing != null) {
                typing.cancel(false);
            }
        }
        try {
            inbox.markHandled(e.updateId());
        } catch (RuntimeException t) {
            log.error("cannot mark update {} in chat {} handled; it is marked with the next write: {}", e.updateId(),
                    chat, t.getMessage());
        }
    }

    private void apologize(InboxEntry e, Responder out) {
        try {
            out.send(Reply.html(texts.get("apology")));
        } catch (Throwable t) {
            log.error("cannot send the apology for update {} to chat {}: {}", e.updateId(), e.chatId(), t.toString());
        }
    }

    /** The message whose button was pressed, which a reply may replace; -1 for anything else. */
    private static long pressedMessage(InboxEntry e) {
        var pressed = e.update().hasCallbackQuery() ? e.update().getCallbackQuery().getMessage() : null;
        return pressed == null || pressed.getMessageId() == null ? -1 : pressed.getMessageId();
    }
}
