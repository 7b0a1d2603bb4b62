package org.coachbot.telegram;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.coachbot.chat.Button;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns replies into outbox messages and sends a chat's unsent messages in order. Every message is recorded
 * before it is sent and marked after Telegram accepted it; when the database cannot be written the message is
 * sent from memory all the same, so a full disk costs durability, never the reply.
 */
final class Replies {
    /** Telegram's limit for a photo caption. */
    static final int CAPTION_LIMIT = 1024;
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final Outbox outbox;
    private final Delivery delivery;
    private final TimeSource time;
    private final MessageSplitter splitter = new MessageSplitter();
    /** One lock per chat while anyone holds it, so two threads never send to one chat at once. */
    private final LoadingCache<Long, Object> locks = Caffeine.newBuilder().weakValues().build(chat -> new Object());
    /** Sent messages whose mark could not be written; never sent again while the bot runs. */
    private final Set<Long> sentUnmarked = ConcurrentHashMap.newKeySet();

    Replies(Outbox outbox, Delivery delivery, TimeSource time) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.time = time;
    }

    /**
     * Answers one update: each reply is recorded, then the chat's unsent messages go out, this one last.
     * {@code pressedMessageId} is the message whose button was pressed, or -1.
     */
    Responder responder(long chatId, long updateId, long pressedMessageId) {
        AtomicInteger seq = new AtomicInteger();
        return new Responder() {
            @Override
            public void send(Reply reply) {
                sendNow(chatId, compose(chatId, updateId, seq, reply));
            }

            @Override
            public void replace(Reply reply) {
                List<String> parts = reply.hasImage() || reply.hasFile() ? List.of() : splitter.split(reply.html());
                if (pressedMessageId <= 0 || parts.size() != 1) {
                    send(reply);
                    return;
                }
                sendNow(chatId, List.of(OutboxMessage.replace(chatId, updateId, seq.getAndIncrement(),
                        pressedMessageId, parts.get(0), reply.buttons(), time.millis())));
            }

            @Override
            public Sent sendReplaceable(Reply reply) {
                long messageId = sendNow(chatId, compose(chatId, updateId, seq, reply));
                return replacement -> {
                    List<String> parts = replacement.hasImage() || replacement.hasFile() ? List.of()
                            : splitter.split(replacement.html());
                    // A message that was never sent, or a replacement longer than one message, leaves it as it is.
                    if (messageId > 0 && parts.size() == 1) {
                        sendNow(chatId, List.of(OutboxMessage.replace(chatId, updateId, seq.getAndIncrement(),
                                messageId, parts.get(0), replacement.buttons(), time.millis())));
                    }
                };
            }

            @Override
            public Status status(String html) {
                long messageId = sendNow(chatId, compose(chatId, updateId, seq, Reply.html(html)));
                return update -> {
                    List<String> parts = splitter.split(update);
                    // A status that could not be sent has nothing to edit; a status is one message long.
                    if (messageId > 0 && !parts.isEmpty()) {
                        sendNow(chatId, List.of(OutboxMessage.edit(chatId, updateId, seq.getAndIncrement(), messageId,
                                parts.get(0), time.millis())));
                    }
                };
            }
        };
    }

    /**
     * Records a message outside of any update, e.g. to an admin, and returns what could not be recorded; the
     * caller sends it with {@link #flush} in the chat's lane.
     */
    List<OutboxMessage> record(long chatId, Reply reply) {
        return recordAll(compose(chatId, 0, new AtomicInteger(), reply)).unrecorded;
    }

    /** Sends a chat's unsent messages, oldest first, then the ones that could not be recorded. */
    void flush(long chatId, List<OutboxMessage> unrecorded) {
        flush(chatId, unrecorded, new Sent());
    }

    private long sendNow(long chatId, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return -1;
        }
        Recorded recorded = recordAll(messages);
        Sent sent = new Sent();
        flush(chatId, recorded.unrecorded, sent);
        if (!recorded.unrecorded.isEmpty()) {
            return sent.unrecorded.getOrDefault(recorded.unrecorded.get(recorded.unrecorded.size() - 1), -1L);
        }
        OutboxMessage last = recorded.stored.get(recorded.stored.size() - 1);
        // A message an earlier run of the same update already sent keeps the id it got then.
        return last.state() == OutboxMessage.State.SENT ? last.messageId() : sent.rows.getOrDefault(last.id(), -1L);
    }

    private record Recorded(List<OutboxMessage> stored, List<OutboxMessage> unrecorded) {
    }

    /** Telegram's ids of what one flush sent: by outbox id, and by message for the unrecorded ones. */
    private static final class Sent {
        final Map<Long, Long> rows = new HashMap<>();
        final Map<OutboxMessage, Long> unrecorded = new IdentityHashMap<>();
    }

    private Recorded recordAll(List<OutboxMessage> messages) {
        List<OutboxMessage> stored = new ArrayList<>();
        List<OutboxMessage> unrecorded = new ArrayList<>();
        for (OutboxMessage m : messages) {
            if (!unrecorded.isEmpty()) {
                unrecorded.add(m); // the rest of a reply stays behind its first unrecorded part
                continue;
            }
            try {
                stored.add(outbox.record(m));
            } catch (StoreException e) {
                log.error("cannot record a reply ({}); sending it without a record: {}", m.describe(), e.getMessage());
                unrecorded.add(m);
            }
        }
        return new Recorded(stored, unrecorded);
    }

    /**
     * When the bot stops meanwhile, what is not sent stays in the outbox for the next start and this returns
     * normally: the handler that sent it has done its part.
     */
    private void flush(long chatId, List<OutboxMessage> unrecorded, Sent sent) {
        try {
            flushLocked(chatId, unrecorded, sent);
        } catch (BotApiException.Interrupted e) {
            log.info("stopping: the unsent replies of chat {} are sent after the restart", chatId);
            if (!unrecorded.isEmpty()) {
                log.warn("{} reply part(s) to chat {} that could not be recorded are lost", unrecorded.size(), chatId);
            }
        }
    }

    private void flushLocked(long chatId, List<OutboxMessage> unrecorded, Sent sent) {
        synchronized (locks.get(chatId)) {
            remarkSent();
            while (true) {
                List<OutboxMessage> batch;
                try {
                    batch = outbox.pending(chatId, BATCH + sentUnmarked.size()).stream()
                            .filter(m -> !sentUnmarked.contains(m.id())).toList();
                } catch (StoreException e) {
                    log.error("cannot read the unsent replies of chat {}; they go out after the next reply or "
                            + "restart: {}", chatId, e.getMessage());
                    break;
                }
                if (batch.isEmpty()) {
                    break;
                }
                for (OutboxMessage m : batch) {
                    Delivery.Outcome outcome = delivery.send(m, this::noteTimeout);
                    if (outcome.sent()) {
                        sent.rows.put(m.id(), outcome.messageId());
                    }
                    mark(m, outcome);
                }
            }
            for (OutboxMessage m : unrecorded) {
                Delivery.Outcome outcome = delivery.send(m, ignored -> { });
                if (outcome.sent()) {
                    sent.unrecorded.put(m, outcome.messageId());
                }
            }
        }
    }

    private void mark(OutboxMessage m, Delivery.Outcome outcome) {
        try {
            if (outcome.sent()) {
                outbox.markSent(m.id(), outcome.messageId());
            } else {
                outbox.markDropped(m.id());
            }
        } catch (StoreException e) {
            // Not sent again in this run; after a restart it would be, so this can cost one duplicate.
            log.error("cannot mark a reply ({}) as done: {}", m.describe(), e.getMessage());
            sentUnmarked.add(m.id());
        }
    }

    private void remarkSent() {
        for (Long id : sentUnmarked) {
            try {
                outbox.markSent(id, -1);
                sentUnmarked.remove(id);
            } catch (StoreException e) {
                return;
            }
        }
    }

    private void noteTimeout(OutboxMessage m) {
        try {
            outbox.noteTimeout(m.id());
        } catch (StoreException e) {
            log.warn("cannot note a timeout of a reply ({}): {}", m.describe(), e.getMessage());
        }
    }

    private List<OutboxMessage> compose(long chatId, long updateId, AtomicInteger seq, Reply reply) {
        long now = time.millis();
        List<OutboxMessage> out = new ArrayList<>();
        String text = reply.html();
        if (reply.hasFile()) {
            String caption = text.length() <= CAPTION_LIMIT ? text : "";
            out.add(OutboxMessage.document(chatId, updateId, seq.getAndIncrement(), reply.file(), caption, now));
            if (!caption.isEmpty() || text.isEmpty()) {
                return out;
            }
        }
        if (reply.hasImage()) {
            String caption = text.length() <= CAPTION_LIMIT ? text : "";
            out.add(OutboxMessage.photo(chatId, updateId, seq.getAndIncrement(), reply.png(), caption, now));
            if (!caption.isEmpty() || text.isEmpty()) {
                return out;
            }
        }
        List<String> parts = splitter.split(text);
        for (int i = 0; i < parts.size(); i++) {
            // Buttons belong under the last part, where the user finishes reading.
            List<List<Button>> buttons = i == parts.size() - 1 ? reply.buttons() : List.of();
            out.add(OutboxMessage.text(chatId, updateId, seq.getAndIncrement(), parts.get(i), buttons, now));
        }
        return out;
    }
}
