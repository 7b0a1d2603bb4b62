package org.coachbot.store;

import org.coachbot.roleplay.DetectedMove;
import org.coachbot.roleplay.MoveKind;
import org.coachbot.roleplay.Outcome;
import org.coachbot.roleplay.PastSession;
import org.coachbot.roleplay.Polarity;
import org.coachbot.roleplay.Scorecard;
import org.coachbot.roleplay.Session;
import org.coachbot.roleplay.Utterance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void schema_version_is_recorded_and_a_newer_file_is_refused() throws Exception {
        SqliteSessionStore.open(dataDir).close();
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteSessionStore.FILE_NAME);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertEquals(SchemaMigrations.VERSION, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            st.execute("PRAGMA user_version = " + (SchemaMigrations.VERSION + 1));
        }
        StoreException e = assertThrows(StoreException.class, () -> SqliteSessionStore.open(dataDir));
        assertTrue(e.getMessage().contains("newer bot version"), e.getMessage());
    }

    private static Session session(long user, long chat, Instant at) {
        return new Session(user, chat, "hotel-no-hot-water", 42L, 3, 1, true,
                List.of(new Utterance(Utterance.Speaker.CUSTOMER, "我房间没热水!"),
                        new Utterance(Utterance.Speaker.TRAINEE, "非常抱歉,\"马上\"为您处理。")),
                List.of(new DetectedMove(MoveKind.APOLOGY, Polarity.GOOD, "apology", "empathy", "非常抱歉", 1)),
                2, at, at.plusSeconds(60));
    }

    private static Scorecard card(int total) {
        return new Scorecard("hotel-no-hot-water", Outcome.SUCCESS, total,
                List.of(new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", total),
                        new Scorecard.DimensionScore("empathy", "同理心", total - 10)),
                List.of(), List.of(), 4, 1);
    }
}
