package org.coachbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** The inbox in the bot's SQLite file; one connection, used by one thread at a time. */
final class SqliteInbox implements Inbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(SqliteInbox.class);
    private final Connection c;
    private final LongSupplier clock;
    /** Handled updates whose mark could not be written yet; written with the next successful write. */
    private final Set<Long> unmarked = new LinkedHashSet<>();

    SqliteInbox(Connection connection, LongSupplier clock) {
        this.c = connection;
        this.clock = clock;
    }

    @Override
    public long nextOffset() {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT next_offset FROM poll_offset WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw new StoreException("cannot read the Telegram offset: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<InboxEntry> record(List<InboxEntry> updates, long nextOffset) {
        synchronized (c) {
            List<InboxEntry> fresh = new ArrayList<>();
            long now = clock.getAsLong();
            try {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO inbox "
                        + "(update_id, chat_id, payload, received_at, handled_at) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement offset = c.prepareStatement(
                             "INSERT OR REPLACE INTO poll_offset (id, next_offset) VALUES (1, ?)")) {
                    for (InboxEntry u : updates) {
                        insert.setLong(1, u.updateId());
                        insert.setLong(2, u.chatId());
                        insert.setString(3, JSON.writeValueAsString(u.update()));
                        insert.setLong(4, now);
                        // An update nobody answers is handled the moment it is recorded.
                        if (u.answerable()) {
                            insert.setNull(5, Types.INTEGER);
                        } else {
                            insert.setLong(5, now);
                        }
                        if (insert.executeUpdate() == 1 && u.answerable()) {
                            fresh.add(u);
                        }
                    }
                    if (nextOffset > 0) {
                        offset.setLong(1, nextOffset);
                        offset.executeUpdate();
                    }
                    writeUnmarked(now);
                    c.commit();
                } catch (SQLException | JsonProcessingException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                unmarked.clear();
                return fresh;
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("cannot record " + updates.size() + " Telegram updates: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void markHandled(long updateId) {
        synchronized (c) {
            unmarked.add(updateId);
            try {
                writeUnmarked(clock.getAsLong());
                unmarked.clear();
            } catch (SQLException e) {
                throw new StoreException("cannot mark update " + updateId + " handled: " + e.getMessage(), e);
            }
        }
    }

    private void writeUnmarked(long now) throws SQLException {
        if (unmarked.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbox SET handled_at = ? WHERE update_id = ?")) {
            for (long id : unmarked) {
                ps.setLong(1, now);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<InboxEntry> pending() {
        synchronized (c) {
            List<InboxEntry> pending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT update_id, chat_id, payload FROM inbox "
                    + "WHERE handled_at IS NULL ORDER BY update_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    try {
                        pending.add(new InboxEntry(id, rs.getLong(2), JSON.readValue(rs.getString(3), Update.class)));
                    } catch (JsonProcessingException e) {
                        log.error("update {} in the inbox cannot be read back ({}); it is skipped", id, e.getMessage());
                        unmarked.add(id);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the inbox: " + e.getMessage(), e);
            }
            return pending;
        }
    }

    @Override
    public void prune(long before) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inbox WHERE handled_at < ?")) {
                ps.setLong(1, before);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot prune the inbox: " + e.getMessage(), e);
            }
        }
    }
}
