package org.coachbot.team;

import org.coachbot.roleplay.SchemaMigrations;
import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The team feature's connection to the bot's SQLite file and its tables (component {@code team}): people and
 * their reminders, assignments and their drafts, dimensions coming back as drills, certificates. The stores built
 * on it ({@link SqlitePeople}, {@link SqliteAssignments}, {@link SqliteTrainingLog}) share the connection under
 * this object's lock, so each of their transactions stays whole.
 */
public final class TeamDatabase implements AutoCloseable {
    static final String COMPONENT = "team";
    /** Index i brings the team tables from version i to i + 1. Append; never edit a released migration. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE person (
                user_id       INTEGER PRIMARY KEY,
                name          TEXT    NOT NULL,
                username      TEXT    NOT NULL,
                first_seen    INTEGER NOT NULL,
                last_seen     INTEGER NOT NULL,
                time_zone     TEXT,
                remind_at     TEXT,
                next_reminder INTEGER,
                private_chat  INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX person_by_username ON person (username COLLATE NOCASE)",
            "CREATE INDEX person_by_reminder ON person (next_reminder)",
            "CREATE INDEX person_by_last_seen ON person (last_seen)",
            """
            CREATE TABLE assignment (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                trainee_id    INTEGER NOT NULL,
                supervisor_id INTEGER NOT NULL,
                origin_chat   INTEGER NOT NULL,
                target        TEXT    NOT NULL,
                due_date      TEXT    NOT NULL,
                due_at        INTEGER NOT NULL,
                created_at    INTEGER NOT NULL,
                notified_at   INTEGER,
                done_at       INTEGER,
                score         INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX assignment_by_trainee ON assignment (trainee_id, done_at)",
            "CREATE INDEX assignment_unsent ON assignment (notified_at)",
            "CREATE INDEX assignment_by_created ON assignment (created_at)",
            """
            CREATE TABLE assignment_draft (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                supervisor_id INTEGER NOT NULL,
                chat_id       INTEGER NOT NULL,
                trainees      TEXT    NOT NULL,
                target        TEXT,
                page          INTEGER NOT NULL,
                created_at    INTEGER NOT NULL
            )""",
            """
            CREATE TABLE review (
                user_id    INTEGER NOT NULL,
                dimension  TEXT    NOT NULL,
                reviews    INTEGER NOT NULL,
                passes     INTEGER NOT NULL,
                due_at     INTEGER NOT NULL,
                last_score INTEGER NOT NULL,
                PRIMARY KEY (user_id, dimension)
            )""",
            """
            CREATE TABLE certificate (
                user_id   INTEGER NOT NULL,
                level     INTEGER NOT NULL,
                earned_at INTEGER NOT NULL,
                scores    TEXT    NOT NULL,
                sent_at   INTEGER,
                PRIMARY KEY (user_id, level)
            )"""));

    private final Path dataDir;
    private final Connection connection;

    private TeamDatabase(Path dataDir, Connection connection) {
        this.dataDir = dataDir;
        this.connection = connection;
    }

    /**
     * Opens the bot's database for the team feature: the session tables it reports on and its own tables are
     * brought up to date.
     */
    public static TeamDatabase open(Path dataDir) {
        return Sqlite.open(dataDir, "the team tables", c -> {
            SchemaMigrations.apply(c);
            Sqlite.migrate(c, COMPONENT, MIGRATIONS);
            return new TeamDatabase(dataDir, c);
        });
    }

    /** Work on the shared connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs one read or single-statement write under the lock. */
    public synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs several statements as one transaction under the lock. */
    synchronized <T> T transaction(String what, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection of its own for a long read such as an export: in WAL mode it reads a consistent snapshot while
     * turns and reminders go on being written through the shared one.
     */
    Connection openReader() {
        return Sqlite.open(dataDir);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the team database", e);
        }
    }
}
