package org.coachbot.telegram;

import ch.qos.logback.classic.Level;
import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Reply;
import org.coachbot.store.StoreException;
import org.coachbot.text.Texts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a handler, the store or the disk throws, the chat gets an answer and its next message is handled. */
class LaneFailureTest {
    private static final String APOLOGY = Texts.of("telegram").get("apology");
    @TempDir
    Path data;
    private final FakeTime time = new FakeTime();
    private final AtomicBoolean diskFull = new AtomicBoolean();
    private FakeBotApiServer api;
    private TelegramFrontEnd bot;
    private Connection connection;
    private SqliteInbox realInbox;

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.stop();
        }
        if (api != null) {
            api.close();
        }
    }

    private void start(ChatCore core, Inbox inbox, Outbox outbox) throws Exception {
        api = new FakeBotApiServer();
        bot = new TelegramFrontEnd(TelegramFrontEndTest.settings(api.baseUrl()).build(), core, CommandMenu.NONE, time,
                connection, inbox, outbox);
        bot.start();
    }

    private void openDatabase() {
        connection = DeliveryTables.open(data);
        realInbox = new SqliteInbox(connection, time::millis);
    }

    private static ChatCore echo() {
        return (in, out) -> out.send(Reply.html("答 " + in.text()));
    }

    @Test
    void should_apologize_and_answer_the_next_message_when_the_handler_throws() throws Exception {
        try (LogCapture log = new LogCapture(UpdateHandler.class)) {
            // given a handler whose store fails on one message and that overflows its stack on another
            openDatabase();
            start((in, out) -> {
                switch (in.text()) {
                    case "store" -> throw new StoreException("database is locked");
                    case "deep" -> throw new StackOverflowError();
                    default -> out.send(Reply.html("答 " + in.text()));
                }
            }, realInbox, null);

            // when
            api.text(7, 7, "store");
            api.text(7, 7, "deep");
            api.text(7, 7, "after");

            // then
            api.await(() -> api.deliveredTo(7).size() == 3, "three answers");
            assertEquals(List.of(APOLOGY, APOLOGY, "答 after"), api.deliveredTo(7));
            assertTrue(log.at(Level.ERROR).stream().anyMatch(l -> l.contains("update 1") && l.contains("chat 7")),
                    log.at(Level.ERROR).toString());
        }
    }

    @Test
    void should_keep_answering_while_the_outbox_cannot_be_written() throws Exception {
        // given the disk is full for the outbox
        openDatabase();
        Outbox failing = new FailingOutbox(new SqliteOutbox(connection, time::millis), diskFull);
        diskFull.set(true);
        start(echo(), realInbox, failing);

        // when
        api.text(7, 7, "one");
        api.text(7, 7, "two");
        api.await(() -> api.deliveredTo(7).size() == 2, "both answered from memory");
        diskFull.set(false);
        api.text(7, 7, "three");

        // then
        api.await(() -> api.deliveredTo(7).size() == 3, "answered after the disk has room again");
        assertEquals(List.of("答 one", "答 two", "答 three"), api.deliveredTo(7));
    }

    @Test
    void should_keep_answering_while_handled_marks_cannot_be_written_and_not_answer_again_after_a_restart()
            throws Exception {
        // given the inbox cannot mark updates handled for a while
        openDatabase();
        start(echo(), new FailingInbox(realInbox, diskFull, false), null);
        diskFull.set(true);
        api.text(7, 7, "one");
        api.text(7, 7, "two");
        api.await(() -> api.deliveredTo(7).size() == 2, "answered");

        // when the disk has room again and the bot restarts
        diskFull.set(false);
        api.text(7, 7, "three");
        api.await(() -> api.deliveredTo(7).size() == 3, "answered");
        bot.stop();
        openDatabase();
        bot = new TelegramFrontEnd(TelegramFrontEndTest.settings(api.baseUrl()).build(), echo(), CommandMenu.NONE, time,
                connection, realInbox, null);
        bot.start();
        api.text(7, 7, "four");

        // then nothing was answered twice: the updates whose mark was lost are handled again, and find their
        // replies already sent
        api.await(() -> api.deliveredTo(7).size() >= 4, "answered after the restart");
        assertEquals(List.of("答 one", "答 two", "答 three", "答 four"), api.deliveredTo(7));
    }

    @Test
    void should_not_confirm_updates_it_cannot_record_and_answer_them_once_it_can() throws Exception {
        // given the inbox (and with it the offset) cannot be written
        openDatabase();
        AtomicInteger records = new AtomicInteger();
        start(echo(), new FailingInbox(realInbox, diskFull, true) {
            @Override
            public List<InboxEntry> record(List<InboxEntry> updates, long nextOffset) {
                records.incrementAndGet();
                return super.record(updates, nextOffset);
            }
        }, null);
        diskFull.set(true);

        // when
        api.text(7, 7, "one");
        api.text(8, 8, "two");
        api.await(() -> records.get() >= 3, "recording tried again");
        int unconfirmedWhileFull = api.unconfirmed();
        diskFull.set(false);

        // then
        api.await(() -> api.delivered().size() == 2, "both answered");
        assertEquals(2, unconfirmedWhileFull, "Telegram kept both updates");
        assertEquals(List.of("答 one"), api.deliveredTo(7));
        assertEquals(List.of("答 two"), api.deliveredTo(8));
    }

    @Test
    void should_answer_the_next_message_when_telegram_refuses_a_reply_for_good() throws Exception {
        // given Telegram refuses the first reply for good
        openDatabase();
        start(echo(), realInbox, null);
        api.script("sendMessage", 403, FakeBotApiServer.error(403, "Forbidden: bot was blocked by the user"));

        // when
        api.text(7, 7, "one");
        api.text(7, 7, "two");

        // then
        assertEquals("答 two", api.nextSent().text());
        assertEquals(List.of("答 two"), api.deliveredTo(7));
    }

    /** An outbox on a disk that can be full. */
    private record FailingOutbox(Outbox real, AtomicBoolean full) implements Outbox {
        private void check() {
            if (full.get()) {
                throw new StoreException("database or disk is full");
            }
        }

        @Override
        public OutboxMessage record(OutboxMessage message) {
            check();
            return real.record(message);
        }

        @Override
        public List<OutboxMessage> pending(long chatId, int limit) {
            return real.pending(chatId, limit);
        }

        @Override
        public Set<Long> chatsWithPending() {
            return real.chatsWithPending();
        }

        @Override
        public void markSent(long id, long messageId) {
            check();
            real.markSent(id, messageId);
        }

        @Override
        public void markDropped(long id) {
            check();
            real.markDropped(id);
        }

        @Override
        public void noteTimeout(long id) {
            check();
            real.noteTimeout(id);
        }

        @Override
        public void prune(long before) {
            real.prune(before);
        }
    }

    /** An inbox on a disk that can be full, for its handled marks or for recording too. */
    private static class FailingInbox implements Inbox {
        private final Inbox real;
        private final AtomicBoolean full;
        private final boolean recording;

        FailingInbox(Inbox real, AtomicBoolean full, boolean recording) {
            this.real = real;
            this.full = full;
            this.recording = recording;
        }

        @Override
        public long nextOffset() {
            return real.nextOffset();
        }

        @Override
        public List<InboxEntry> record(List<InboxEntry> updates, long nextOffset) {
            if (recording && full.get()) {
                throw new StoreException("database or disk is full");
            }
            return real.record(updates, nextOffset);
        }

        @Override
        public void markHandled(long updateId) {
            if (full.get()) {
                // like SqliteInbox: the mark is kept and written with the next successful write
                throw new StoreException("database or disk is full");
            }
            real.markHandled(updateId);
        }

        @Override
        public List<InboxEntry> pending() {
            return real.pending();
        }

        @Override
        public void prune(long before) {
            real.prune(before);
        }
    }
}
