package org.coachbot.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.store.StoreException;
import org.coachbot.team.SessionRow;
import org.coachbot.team.SqliteTrainingLog;
import org.coachbot.team.TeamDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SessionArchive} over the session tables. A week's averages are aggregated by SQLite in one query over the
 * index on the end time, so the dashboard reads a few rows per week and dimension, not every score.
 */
public final class SqliteSessionArchive implements SessionArchive {
    private static final TypeReference<List<Utterance>> LINES = new TypeReference<>() {
    };
    /** A session's scores folded into one column: "courtesy=80,empathy=65". */
    private static final String SCORES = "(SELECT group_concat(d.dimension || '=' || d.score) FROM dimension_score d "
            + "WHERE d.session_id = f.id)";
    private static final String COLUMNS = "f.id, f.user_id, f.scenario_id, f.outcome, f.total, f.resolved, "
            + "f.drill_dimension, f.turns, f.hints, f.started_at, f.ended_at, " + SCORES;
    private final ObjectMapper json = new ObjectMapper();
    private final TeamDatabase db;

    public SqliteSessionArchive(TeamDatabase db) {
        this.db = db;
    }

    @Override
    public List<SessionRow> sessions(long userId, int limit) {
        return db.read("read the sessions of user " + userId, c -> {
            List<SessionRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finished_session f "
                    + "WHERE f.user_id = ? ORDER BY f.ended_at DESC, f.id DESC LIMIT ?")) {
                ps.setLong(1, userId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Transcript> transcript(long sessionId) {
        return db.read("read session " + sessionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", f.transcript "
                    + "FROM finished_session f WHERE f.id = ?")) {
                ps.setLong(1, sessionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Transcript(row(rs), json.readValue(rs.getString(13), LINES)));
                }
            } catch (JsonProcessingException e) {
                throw new StoreException("the transcript of session " + sessionId + " is not valid JSON", e);
            }
        });
    }

    @Override
    public List<Week> weeks(List<Instant> starts, Instant end) {
        if (starts.isEmpty()) {
            return List.of();
        }
        // Each session falls into the last week that starts at or before its end: CASE picks it, newest first.
        StringBuilder week = new StringBuilder("CASE");
        for (int i = starts.size() - 1; i >= 0; i--) {
            week.append(" WHEN ended_at >= ").append(starts.get(i).toEpochMilli()).append(" THEN ").append(i);
        }
        week.append(" END");
        String range = "ended_at >= " + starts.get(0).toEpochMilli() + " AND ended_at < " + end.toEpochMilli();
        String averages = "SELECT w, dimension, AVG(a), COUNT(*) FROM (SELECT " + week + " AS w, f.user_id, "
                + "d.dimension, AVG(d.score) AS a FROM (SELECT id, user_id, ended_at, drill_dimension "
                + "FROM finished_session WHERE " + range + ") f CROSS JOIN dimension_score d ON d.session_id = f.id "
                + "WHERE f.drill_dimension = '' OR f.drill_dimension = d.dimension GROUP BY w, f.user_id, d.dimension) "
                + "GROUP BY w, dimension ORDER BY w, dimension";
        String counts = "SELECT " + week + " AS w, COUNT(*), COUNT(DISTINCT user_id) FROM finished_session WHERE "
                + range + " GROUP BY w";
        return db.read("average the team's weeks", c -> {
            Map<Integer, Map<String, Double>> byWeek = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(averages); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byWeek.computeIfAbsent(rs.getInt(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getDouble(3));
                }
            }
            Map<Integer, int[]> sizes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(counts); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getInt(1), new int[]{rs.getInt(2), rs.getInt(3)});
                }
            }
            List<Week> out = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                int[] size = sizes.getOrDefault(i, new int[2]);
                out.add(new Week(starts.get(i), byWeek.getOrDefault(i, Map.of()), size[1], size[0]));
            }
            return out;
        });
    }

    private static SessionRow row(ResultSet rs) throws SQLException {
        return new SessionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getInt(6) != 0, rs.getString(7), rs.getInt(8), rs.getInt(9),
                Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                SqliteTrainingLog.scores(rs.getString(12)));
    }
}
