package org.coachbot.telegram;

import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The inbox and outbox tables in the bot's SQLite file, under the component name {@code delivery}: what Telegram
 * sent and whether it was answered, and every reply until Telegram accepted it.
 */
final class DeliveryTables {
    static final String COMPONENT = "delivery";
    /** Where versions before the inbox kept the last finished update id. */
    static final String LEGACY_OFFSET_FILE = "telegram-offset";
    /** Index i brings the tables from version i to i + 1. Append; never edit a released migration. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE inbox (
                update_id   INTEGER PRIMARY KEY,
                chat_id     INTEGER NOT NULL,
                payload     TEXT    NOT NULL,
                received_at INTEGER NOT NULL,
                handled_at  INTEGER
            )""",
            "CREATE INDEX inbox_pending ON inbox (update_id) WHERE handled_at IS NULL",
            "CREATE TABLE poll_offset (id INTEGER PRIMARY KEY CHECK (id = 1), next_offset INTEGER NOT NULL)",
            """
            CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                chat_id         INTEGER NOT NULL,
                update_id       INTEGER,
                seq             INTEGER NOT NULL,
                kind            TEXT    NOT NULL,
                html            TEXT    NOT NULL,
                buttons         TEXT    NOT NULL,
                png             BLOB,
                edit_message_id INTEGER NOT NULL,
                created_at      INTEGER NOT NULL,
                state           TEXT    NOT NULL,
                timeouts        INTEGER NOT NULL,
                message_id      INTEGER NOT NULL,
                done_at         INTEGER,
                UNIQUE (update_id, seq)
            )""",
            "CREATE INDEX outbox_pending ON outbox (chat_id, id) WHERE state = 'PENDING'"),
            // Version 2: documents (a team export), sent from their file on disk under the name the user sees.
            List.of("ALTER TABLE outbox ADD COLUMN file_path TEXT",
                    "ALTER TABLE outbox ADD COLUMN file_name TEXT"));
    private static final Logger log = LoggerFactory.getLogger(DeliveryTables.class);

    private DeliveryTables() {
    }

    /**
     * Opens the database, brings the delivery tables up to date and carries over the offset file of earlier
     * versions, so an upgrade neither repeats nor skips a message.
     *
     * @throws StoreException when the database cannot be opened or migrated
     */
    static Connection open(Path dataDir) {
        return Sqlite.open(dataDir, "the delivery tables", c -> {
            Sqlite.migrate(c, COMPONENT, MIGRATIONS);
            adoptLegacyOffset(c, dataDir.resolve(LEGACY_OFFSET_FILE));
            return c;
        });
    }

    private static void adoptLegacyOffset(Connection c, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO poll_offset (id, next_offset) VALUES (1, ?)")) {
            long finished = Long.parseLong(Files.readString(file).strip());
            ps.setLong(1, finished + 1);
            ps.executeUpdate();
            Files.delete(file);
            log.info("carried the Telegram offset over from {} into the database", file);
        } catch (IOException | NumberFormatException | SQLException e) {
            log.warn("cannot carry the Telegram offset over from {} ({}); updates Telegram still holds may be "
                    + "answered again", file, e.getMessage());
        }
    }
}
