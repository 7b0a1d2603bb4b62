package org.coachbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.chat.Button;
import org.coachbot.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** The outbox in the bot's SQLite file; one connection, used by one thread at a time. */
final class SqliteOutbox implements Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<List<List<String>>>> ROWS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, chat_id, update_id, seq, kind, html, buttons, png, edit_message_id, "
            + "created_at, state, timeouts, message_id";
    private final Connection c;
    private final LongSupplier clock;

    SqliteOutbox(Connection connection, LongSupplier clock) {
        this.c = connection;
        this.clock = clock;
    }

    @Override
    public OutboxMessage record(OutboxMessage m) {
        synchronized (c) {
            try {
                if (m.updateId() > 0) {
                    OutboxMessage earlier = find(m.updateId(), m.seq());
                    if (earlier != null) {
                        return earlier;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (chat_id, update_id, seq, kind, "
                        + "html, buttons, png, edit_message_id, created_at, state, timeouts, message_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setLong(1, m.chatId());
                    if (m.updateId() > 0) {
                        ps.setLong(2, m.updateId());
                    } else {
                        ps.setNull(2, Types.INTEGER);
                    }
                    ps.setInt(3, m.seq());
                    ps.setString(4, m.kind().name());
                    ps.setString(5, m.html());
                    ps.setString(6, buttons(m));
                    ps.setBytes(7, m.png());
                    ps.setLong(8, m.editMessageId());
                    ps.setLong(9, m.createdAt());
                    ps.setString(10, m.state().name());
                    ps.setInt(11, m.timeouts());
                    ps.setLong(12, m.messageId());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return m.withId(keys.getLong(1));
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("cannot record a reply (" + m.describe() + "): " + e.getMessage(), e);
            }
        }
    }

    private OutboxMessage find(long updateId, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM outbox WHERE update_id = ? AND seq = ?")) {
            ps.setLong(1, updateId);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    @Override
    public List<OutboxMessage> pending(long chatId, int limit) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox WHERE state = 'PENDING' AND chat_id = ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, chatId);
                ps.setInt(2, limit);
                List<OutboxMessage> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new StoreException("cannot read the outbox of chat " + chatId + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Set<Long> chatsWithPending() {
        synchronized (c) {
            Set<Long> chats = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chat_id FROM outbox WHERE state = 'PENDING' GROUP BY chat_id ORDER BY MIN(id)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chats.add(rs.getLong(1));
                }
                return chats;
            } catch (SQLException e) {
                throw new StoreException("cannot read the outbox: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void markSent(long id, long messageId) {
        // The PNG is not needed once Telegram has it.
        update("UPDATE outbox SET state = 'SENT', message_id = ?, png = NULL, done_at = ? WHERE id = ?",
                messageId, clock.getAsLong(), id);
    }

    @Override
    public void markDropped(long id) {
        update("UPDATE outbox SET state = 'DROPPED', png = NULL, done_at = ? WHERE id = ?", clock.getAsLong(), id);
    }

    @Override
    public void noteTimeout(long id) {
        update("UPDATE outbox SET timeouts = timeouts + 1 WHERE id = ?", id);
    }

    @Override
    public void prune(long before) {
        update("DELETE FROM outbox WHERE state <> 'PENDING' AND done_at < ?", before);
    }

    private void update(String sql, long... args) {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot update the outbox: " + e.getMessage(), e);
            }
        }
    }

    private static String buttons(OutboxMessage m) throws JsonProcessingException {
        return JSON.writeValueAsString(m.buttons().stream()
                .map(row -> row.stream().map(b -> List.of(b.label(), b.data())).toList()).toList());
    }

    private static OutboxMessage read(ResultSet rs) throws SQLException {
        List<List<Button>> buttons;
        try {
            buttons = JSON.readValue(rs.getString(7), ROWS).stream()
                    .map(row -> row.stream().map(b -> new Button(b.get(0), b.get(1))).toList()).toList();
        } catch (JsonProcessingException e) {
            throw new SQLException("buttons of outbox row " + rs.getLong(1) + " are not valid JSON", e);
        }
        // A notification has no update; getLong reads the NULL as 0, which is what the record expects.
        return new OutboxMessage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                OutboxMessage.Kind.valueOf(rs.getString(5)), rs.getString(6), buttons, rs.getBytes(8), rs.getLong(9),
                rs.getLong(10), OutboxMessage.State.valueOf(rs.getString(11)), rs.getInt(12), rs.getLong(13));
    }
}
