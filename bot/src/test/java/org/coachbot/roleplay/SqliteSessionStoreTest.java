package org.coachbot.roleplay;

import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteSessionStoreTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void saved_session_survives_closing_and_reopening_the_store() {
        // given
        Session session = session(7, 99, T0);
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            store.save(session);
        }

        // when
        Optional<Session> reloaded;
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            reloaded = store.active(7, 99);
        }

        // then
        assertEquals(Optional.of(session), reloaded);
    }

    @Test
    void sessions_are_kept_per_user_and_chat() {
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            store.save(session(7, 1, T0));
            assertTrue(store.active(7, 2).isEmpty());
            assertTrue(store.active(8, 1).isEmpty());
            store.discard(7, 1);
            assertTrue(store.active(7, 1).isEmpty());
        }
    }

    @Test
    void finishing_moves_the_session_into_the_history_with_its_dimension_scores() {
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            // given
            store.save(session(7, 1, T0));
            store.finish(session(7, 1, T0), card(62), T0.plusSeconds(300));
            store.save(session(7, 1, T0.plusSeconds(600)));
            store.finish(session(7, 1, T0.plusSeconds(600)), card(81), T0.plusSeconds(900));

            // when
            List<PastSession> history = store.history(7, 10);

            // then
            assertTrue(store.active(7, 1).isEmpty());
            assertEquals(List.of(81, 62), history.stream().map(PastSession::total).toList());
            assertEquals(Map.of("courtesy", 81, "empathy", 71), history.get(0).scores());
            assertEquals(Outcome.SUCCESS, history.get(0).outcome());
            assertEquals(T0.plusSeconds(900), history.get(0).endedAt());
            assertEquals(1, store.history(7, 1).size());
            assertTrue(store.history(8, 10).isEmpty());
        }
    }

    @Test
    void a_drill_keeps_its_dimension_and_turns_and_stays_out_of_the_history() {
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            // given
            Session drill = session(7, 1, T0).asDrill(Drill.of("empathy", 3));
            store.save(drill);
            Session reloaded = store.active(7, 1).orElseThrow();

            // when
            store.finish(reloaded, card(55), T0.plusSeconds(120));

            // then
            assertEquals(Drill.of("empathy", 3), reloaded.drill());
            assertTrue(store.history(7, 10).isEmpty());
        }
    }

    @Test
    void schema_version_is_recorded_and_a_newer_file_is_refused() throws Exception {
        SqliteSessionStore.open(dataDir).close();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version FROM schema_version WHERE component = 'sessions'")) {
                assertEquals(SchemaMigrations.VERSION, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            st.execute("UPDATE schema_version SET version = " + (SchemaMigrations.VERSION + 1)
                    + " WHERE component = 'sessions'");
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteSessionStore.open(dataDir));
        assertTrue(e.getMessage().contains("newer bot version"), e.getMessage());
    }

    @Test
    void a_file_from_before_components_keeps_its_sessions_and_is_upgraded_in_place() throws Exception {
        // given: the session tables of version 1, their version recorded the old way
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE active_session (user_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, "
                    + "scenario_id TEXT NOT NULL, transcript TEXT NOT NULL, moves TEXT NOT NULL, mood INTEGER NOT NULL, "
                    + "peaks INTEGER NOT NULL, drawn_out INTEGER NOT NULL, persona_seed INTEGER NOT NULL, "
                    + "hints INTEGER NOT NULL, started_at INTEGER NOT NULL, last_activity INTEGER NOT NULL, "
                    + "PRIMARY KEY (user_id, chat_id))");
            st.execute("CREATE TABLE finished_session (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL, "
                    + "chat_id INTEGER NOT NULL, scenario_id TEXT NOT NULL, outcome TEXT NOT NULL, total INTEGER NOT NULL, "
                    + "turns INTEGER NOT NULL, hints INTEGER NOT NULL, started_at INTEGER NOT NULL, "
                    + "ended_at INTEGER NOT NULL, transcript TEXT NOT NULL)");
            st.execute("CREATE TABLE dimension_score (session_id INTEGER NOT NULL, dimension TEXT NOT NULL, "
                    + "score INTEGER NOT NULL, PRIMARY KEY (session_id, dimension))");
            st.execute("INSERT INTO active_session VALUES (7, 1, 'hotel-no-hot-water', '[]', '[]', 3, 1, 0, 42, 0, "
                    + T0.toEpochMilli() + ", " + T0.toEpochMilli() + ")");
            st.execute("PRAGMA user_version = 1");
        }

        // when
        Optional<Session> kept;
        try (SqliteSessionStore store = SqliteSessionStore.open(dataDir)) {
            kept = store.active(7, 1);
        }

        // then: version 2 added the call state, and a call from version 1 goes on with full patience
        assertEquals(3, kept.orElseThrow().mood());
        assertEquals(Scenario.DEFAULT_PATIENCE, kept.orElseThrow().call().patience());
    }

    @Test
    void an_empty_database_file_is_refused_with_a_message_naming_it() throws Exception {
        Files.createDirectories(dataDir);
        Files.createFile(dataDir.resolve(SqliteSessionStore.FILE_NAME));

        StoreException e = assertThrows(StoreException.class, () -> SqliteSessionStore.open(dataDir));

        assertTrue(e.getMessage().contains(dataDir.resolve(SqliteSessionStore.FILE_NAME).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_with_a_message_naming_it() throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(SqliteSessionStore.FILE_NAME), "not a database at all ".repeat(200));

        StoreException e = assertThrows(StoreException.class, () -> SqliteSessionStore.open(dataDir));

        assertTrue(e.getMessage().contains(dataDir.resolve(SqliteSessionStore.FILE_NAME).toString()), e.getMessage());
    }

    private Connection connect() throws Exception {
        Files.createDirectories(dataDir);
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteSessionStore.FILE_NAME));
    }

    private static Session session(long user, long chat, Instant at) {
        return new Session(user, chat, "hotel-no-hot-water", 42L, 3,
                new CallState(3, List.of("hot_water"), List.of("room"), 0), true,
                List.of(new Utterance(Utterance.Speaker.CUSTOMER, "我房间没热水!"),
                        new Utterance(Utterance.Speaker.TRAINEE, "非常抱歉,\"马上\"为您处理。")),
                List.of(new DetectedMove(MoveKind.APOLOGY, Polarity.GOOD, "apology", "empathy", "非常抱歉", 1)),
                2, at, at.plusSeconds(60));
    }

    private static Scorecard card(int total) {
        return new Scorecard("hotel-no-hot-water", Outcome.SUCCESS, total, true,
                List.of(new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", total),
                        new Scorecard.DimensionScore("empathy", "同理心", total - 10)),
                List.of(), List.of(), List.of(), 4, 1);
    }
}
