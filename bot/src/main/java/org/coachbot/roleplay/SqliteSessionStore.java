package org.coachbot.roleplay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;
import org.coachbot.roleplay.scoring.PastDrill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Role-play sessions in a SQLite file in the data folder: the session in progress is saved after every turn and
 * finished sessions keep their scores per dimension. WAL mode lets a reader (e.g. {@code /progress}) run while a
 * turn is written; one connection, used under this object's lock, keeps every transaction whole.
 */
public final class SqliteSessionStore implements SessionStore, AutoCloseable {
    public static final String FILE_NAME = Sqlite.FILE_NAME;
    private static final TypeReference<List<Utterance>> TRANSCRIPT = new TypeReference<>() {
    };
    private static final TypeReference<List<DetectedMove>> MOVES = new TypeReference<>() {
    };
    private final ObjectMapper json = new ObjectMapper();
    private final Connection connection;

    private SqliteSessionStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) {@code roleplay.db} in the folder and brings its session tables up to date. */
    public static SqliteSessionStore open(Path dataDir) {
        return Sqlite.open(dataDir, "the session tables", c -> {
            SchemaMigrations.apply(c);
            return new SqliteSessionStore(c);
        });
    }

    @Override
    public synchronized Optional<Session> active(long userId, long chatId) {
        String sql = "SELECT * FROM active_session WHERE user_id = ? AND chat_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setLong(2, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(userId, chatId, rs.getString("scenario_id"), rs.getLong("persona_seed"),
                        rs.getInt("mood"), callState(rs.getString("call_state")), rs.getInt("drawn_out") != 0,
                        json.readValue(rs.getString("transcript"), TRANSCRIPT),
                        json.readValue(rs.getString("moves"), MOVES), rs.getInt("hints"),
                        Instant.ofEpochMilli(rs.getLong("started_at")),
                        Instant.ofEpochMilli(rs.getLong("last_activity")),
                        drill(rs.getString("drill_dimension"), rs.getInt("drill_turns"))));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read the session of user " + userId + " in chat " + chatId, e);
        }
    }

    @Override
    public synchronized void save(Session s) {
        String sql = "INSERT OR REPLACE INTO active_session (user_id, chat_id, scenario_id, transcript, moves, mood, "
                + "peaks, drawn_out, persona_seed, hints, started_at, last_activity, call_state, drill_dimension, "
                + "drill_turns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, s.userId());
            ps.setLong(2, s.chatId());
            ps.setString(3, s.scenarioId());
            ps.setString(4, json.writeValueAsString(s.transcript()));
            ps.setString(5, json.writeValueAsString(s.moves()));
            ps.setInt(6, s.mood());
            // peaks is kept for files written by version 1; patience in call_state replaced it.
            ps.setInt(7, 0);
            ps.setInt(8, s.drawnOut() ? 1 : 0);
            ps.setLong(9, s.seed());
            ps.setInt(10, s.hints());
            ps.setLong(11, s.startedAt().toEpochMilli());
            ps.setLong(12, s.lastActivity().toEpochMilli());
            ps.setString(13, json.writeValueAsString(s.call()));
            ps.setString(14, s.drill().dimension());
            ps.setInt(15, s.drill().turns());
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot save the session of user " + s.userId(), e);
        }
    }

    /** A drill as stored; a row whose values a newer rule would refuse is read back as a full session. */
    private static Drill drill(String dimension, int turns) {
        try {
            return new Drill(dimension, turns);
        } catch (IllegalArgumentException e) {
            return Drill.NONE;
        }
    }

    /** A session saved before version 2 has no call state: it continues with full patience and nothing offered. */
    private CallState callState(String text) throws JsonProcessingException {
        CallState read = json.readValue(text, CallState.class);
        return read.patience() > 0 ? read : new CallState(Scenario.DEFAULT_PATIENCE, read.beats(), read.facts(),
                read.satisfiedAt());
    }

    @Override
    public synchronized void discard(long userId, long chatId) {
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM active_session WHERE user_id = ? AND chat_id = ?")) {
            ps.setLong(1, userId);
            ps.setLong(2, chatId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot discard the session of user " + userId, e);
        }
    }

    @Override
    public synchronized void finish(Session s, Scorecard card, Instant endedAt) {
        try {
            connection.setAutoCommit(false);
            try {
                long id = insertFinished(s, card, endedAt);
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO dimension_score (session_id, dimension, score) VALUES (?, ?, ?)")) {
                    for (Scorecard.DimensionScore d : card.dimensions()) {
                        ps.setLong(1, id);
                        ps.setString(2, d.id());
                        ps.setInt(3, d.score());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM active_session WHERE user_id = ? AND chat_id = ?")) {
                    ps.setLong(1, s.userId());
                    ps.setLong(2, s.chatId());
                    ps.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot record the finished session of user " + s.userId(), e);
        }
    }

    private long insertFinished(Session s, Scorecard card, Instant endedAt)
            throws SQLException, JsonProcessingException {
        String sql = "INSERT INTO finished_session (user_id, chat_id, scenario_id, outcome, total, turns, hints, "
                + "started_at, ended_at, transcript, resolved, drill_dimension, drill_turns) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, s.userId());
            ps.setLong(2, s.chatId());
            ps.setString(3, s.scenarioId());
            ps.setString(4, card.outcome().name());
            ps.setInt(5, card.total());
            ps.setInt(6, card.turns());
            ps.setInt(7, card.hints());
            ps.setLong(8, s.startedAt().toEpochMilli());
            ps.setLong(9, endedAt.toEpochMilli());
            ps.setString(10, json.writeValueAsString(s.transcript()));
            ps.setInt(11, card.resolved() ? 1 : 0);
            ps.setString(12, s.drill().dimension());
            ps.setInt(13, s.drill().turns());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public synchronized List<PastSession> history(long userId, int limit) {
        String sql = "SELECT f.id, f.scenario_id, f.outcome, f.total, f.turns, f.hints, f.started_at, f.ended_at, "
                + "d.dimension, d.score FROM (SELECT * FROM finished_session "
                + "WHERE user_id = ? AND drill_dimension = '' "
                + "ORDER BY ended_at DESC, id DESC LIMIT ?) f LEFT JOIN dimension_score d ON d.session_id = f.id "
                + "ORDER BY f.ended_at DESC, f.id DESC";
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = rows.computeIfAbsent(rs.getLong("id"), id -> new Row());
                    if (row.scenarioId == null) {
                        row.read(rs);
                    }
                    if (rs.getString("dimension") != null) {
                        row.scores.put(rs.getString("dimension"), rs.getInt("score"));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of user " + userId, e);
        }
        List<PastSession> out = new ArrayList<>();
        rows.values().forEach(r -> out.add(r.toPastSession()));
        return out;
    }

    @Override
    public synchronized List<PastDrill> drills(long userId, int limit) {
        // A drill is judged on the dimension it trained; a dimension no longer scored reads as 0, as on its card.
        String sql = "SELECT f.scenario_id, f.drill_dimension, f.ended_at, COALESCE(d.score, 0) AS score "
                + "FROM finished_session f LEFT JOIN dimension_score d ON d.session_id = f.id "
                + "AND d.dimension = f.drill_dimension WHERE f.user_id = ? AND f.drill_dimension <> '' "
                + "ORDER BY f.ended_at DESC, f.id DESC LIMIT ?";
        List<PastDrill> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PastDrill(rs.getString("scenario_id"), rs.getString("drill_dimension"),
                            rs.getInt("score"), Instant.ofEpochMilli(rs.getLong("ended_at"))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the drills of user " + userId, e);
        }
        return out;
    }

    /** One finished session while its score rows are collected. */
    private static final class Row {
        private final Map<String, Integer> scores = new HashMap<>();
        private String scenarioId;
        private Outcome outcome;
        private int total;
        private int turns;
        private int hints;
        private long startedAt;
        private long endedAt;

        void read(ResultSet rs) throws SQLException {
            scenarioId = rs.getString("scenario_id");
            outcome = Outcome.valueOf(rs.getString("outcome"));
            total = rs.getInt("total");
            turns = rs.getInt("turns");
            hints = rs.getInt("hints");
            startedAt = rs.getLong("started_at");
            endedAt = rs.getLong("ended_at");
        }

        PastSession toPastSession() {
            return new PastSession(scenarioId, outcome, total, scores, turns, hints, Instant.ofEpochMilli(startedAt),
                    Instant.ofEpochMilli(endedAt));
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the session database", e);
        }
    }
}
