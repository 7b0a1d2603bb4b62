package org.coachbot.testing;

import org.coachbot.chat.Messenger;
import org.coachbot.chat.Reply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every message the bot starts itself, with the time it went out; chats can be made unreachable. */
public final class RecordingMessenger implements Messenger {
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<Long> unreachable = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    /** One message and when it was sent. */
    public record Sent(long chatId, Reply reply, Instant at) {
    }

    public RecordingMessenger(Clock clock) {
        this.clock = clock;
    }

    /** Sending to this chat fails as Telegram does when a user never opened the private chat. */
    public void unreachable(long chatId) {
        unreachable.add(chatId);
    }

    @Override
    public void send(long chatId, Reply reply) {
        if (unreachable.contains(chatId)) {
            throw new IllegalStateException("Forbidden: bot can't initiate conversation with a user");
        }
        sent.add(new Sent(chatId, reply, clock.instant()));
    }

    public List<Sent> to(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    public void clear() {
        sent.clear();
    }
}
