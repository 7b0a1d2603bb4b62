package org.coachbot.roleplay;

import org.coachbot.store.Sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The role-play session tables, one migration per version; {@code schema_version} records the version a file
 * has, so an old file is upgraded in place and a file from a newer bot is refused instead of damaged.
 */
public final class SchemaMigrations {
    /** Index i brings a database from version i to i + 1. Append; never edit a released migration. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE active_session (
                user_id       INTEGER NOT NULL,
                chat_id       INTEGER NOT NULL,
                scenario_id   TEXT    NOT NULL,
                transcript    TEXT    NOT NULL,
                moves         TEXT    NOT NULL,
                mood          INTEGER NOT NULL,
                peaks         INTEGER NOT NULL,
                drawn_out     INTEGER NOT NULL,
                persona_seed  INTEGER NOT NULL,
                hints         INTEGER NOT NULL,
                started_at    INTEGER NOT NULL,
                last_activity INTEGER NOT NULL,
                PRIMARY KEY (user_id, chat_id)
            )""",
            """
            CREATE TABLE finished_session (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id     INTEGER NOT NULL,
                chat_id     INTEGER NOT NULL,
                scenario_id TEXT    NOT NULL,
                outcome     TEXT    NOT NULL,
                total       INTEGER NOT NULL,
                turns       INTEGER NOT NULL,
                hints       INTEGER NOT NULL,
                started_at  INTEGER NOT NULL,
                ended_at    INTEGER NOT NULL,
                transcript  TEXT    NOT NULL
            )""",
            "CREATE INDEX finished_session_by_user ON finished_session (user_id, ended_at)",
            """
            CREATE TABLE dimension_score (
                session_id INTEGER NOT NULL REFERENCES finished_session (id) ON DELETE CASCADE,
                dimension  TEXT    NOT NULL,
                score      INTEGER NOT NULL,
                PRIMARY KEY (session_id, dimension)
            )"""),
            // Version 2: patience, remedy beats, told facts and satisfaction of the call in progress; whether a
            // finished call was resolved.
            List.of("ALTER TABLE active_session ADD COLUMN call_state TEXT NOT NULL DEFAULT '{}'",
                    "ALTER TABLE finished_session ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0"),
            // Version 3: drills, short sessions aimed at one dimension; empty dimension and 0 turns for a full one.
            // The team report reads the sessions of the last 30 days of everyone, hence the index by end time.
            List.of("ALTER TABLE active_session ADD COLUMN drill_dimension TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE active_session ADD COLUMN drill_turns INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE finished_session ADD COLUMN drill_dimension TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE finished_session ADD COLUMN drill_turns INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX finished_session_by_end ON finished_session (ended_at)"));

    /** The version this code reads and writes. */
    static final int VERSION = MIGRATIONS.size();
    /** The component name of these tables in {@code schema_version}. */
    static final String COMPONENT = "sessions";

    private SchemaMigrations() {
    }

    /**
     * Brings the session tables up to date. Files written before components existed recorded the version of these
     * tables in {@code PRAGMA user_version}; it is carried over once.
     */
    public static void apply(Connection c) throws SQLException {
        int legacy = legacyVersion(c);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, "
                    + "version INTEGER NOT NULL)");
            if (legacy > 0 && Sqlite.version(c, COMPONENT) == 0) {
                st.execute("INSERT INTO schema_version (component, version) VALUES ('" + COMPONENT + "', "
                        + legacy + ")");
            }
        }
        Sqlite.migrate(c, COMPONENT, MIGRATIONS);
    }

    static int legacyVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
