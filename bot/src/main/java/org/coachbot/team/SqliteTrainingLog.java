package org.coachbot.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link TrainingLog} over the session tables ({@code finished_session}, {@code dimension_score}) and the team's
 * {@code review} and {@code certificate} tables. The reports are aggregated by SQLite, so {@code /team} reads one
 * row per trainee rather than every session.
 */
public final class SqliteTrainingLog implements TrainingLog {
    private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
    };
    private final ObjectMapper json = new ObjectMapper();
    private final TeamDatabase db;

    public SqliteTrainingLog(TeamDatabase db) {
        this.db = db;
    }

    @Override
    public List<TraineeStats> stats(Instant weekAgo, Instant monthAgo) {
        return db.read("summarise the team's sessions", c -> {
            Map<Long, Map<String, Double>> dimensions = new HashMap<>();
            // The window's sessions first, by the index on their end, then their scores by session id.
            try (PreparedStatement ps = c.prepareStatement("SELECT f.user_id, d.dimension, AVG(d.score) "
                    + "FROM (SELECT id, user_id, drill_dimension FROM finished_session WHERE ended_at >= ?) f "
                    + "CROSS JOIN dimension_score d ON d.session_id = f.id "
                    + "WHERE f.drill_dimension = '' OR f.drill_dimension = d.dimension "
                    + "GROUP BY f.user_id, d.dimension")) {
                ps.setLong(1, monthAgo.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dimensions.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(rs.getString(2), rs.getDouble(3));
                    }
                }
            }
            List<TraineeStats> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, SUM(ended_at >= ?), SUM(ended_at >= ?), "
                    + "AVG(CASE WHEN ended_at >= ? AND drill_dimension = '' THEN total END), MAX(ended_at) "
                    + "FROM finished_session GROUP BY user_id ORDER BY user_id")) {
                ps.setLong(1, weekAgo.toEpochMilli());
                ps.setLong(2, monthAgo.toEpochMilli());
                ps.setLong(3, monthAgo.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long user = rs.getLong(1);
                        double average = rs.getDouble(4);
                        if (rs.wasNull()) {
                            average = Double.NaN;
                        }
                        out.add(new TraineeStats(user, rs.getInt(2), rs.getInt(3), average,
                                dimensions.getOrDefault(user, Map.of()), Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Double> averages(long userId, Instant since) {
        return db.read("read the averages of user " + userId, c -> {
            Map<String, Double> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.dimension, AVG(d.score) FROM finished_session f "
                    + "JOIN dimension_score d ON d.session_id = f.id WHERE f.user_id = ? AND f.ended_at >= ? "
                    + "AND (f.drill_dimension = '' OR f.drill_dimension = d.dimension) GROUP BY d.dimension "
                    + "ORDER BY d.dimension")) {
                ps.setLong(1, userId);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Integer> bestScores(long userId) {
        return db.read("read the best scores of user " + userId, c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scenario_id, MAX(total) FROM finished_session "
                    + "WHERE user_id = ? AND drill_dimension = '' GROUP BY scenario_id ORDER BY scenario_id")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String> recentScenarios(long userId, int limit) {
        return db.read("read the recent scenarios of user " + userId, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT scenario_id FROM finished_session WHERE user_id = ? "
                    + "ORDER BY ended_at DESC, id DESC LIMIT ?")) {
                ps.setLong(1, userId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void forEachSession(Consumer<SessionRow> row) {
        // One row per session, its scores folded into "dimension=score,…": six times fewer rows to step through.
        String sql = "SELECT f.id, f.user_id, f.scenario_id, f.outcome, f.total, f.resolved, f.drill_dimension, "
                + "f.turns, f.hints, f.started_at, f.ended_at, (SELECT group_concat(d.dimension || '=' || d.score) "
                + "FROM dimension_score d WHERE d.session_id = f.id) FROM finished_session f ORDER BY f.id";
        try (Connection c = db.openReader(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.accept(new SessionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6) != 0, rs.getString(7), rs.getInt(8), rs.getInt(9),
                        Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                        scores(rs.getString(12))));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the finished sessions for the export: " + e.getMessage(), e);
        }
    }

    /** Reads {@code courtesy=80,empathy=65} back; dimension ids are lower-case letters and underscores. */
    public static Map<String, Integer> scores(String folded) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (folded == null || folded.isEmpty()) {
            return out;
        }
        for (String pair : folded.split(",")) {
            int eq = pair.lastIndexOf('=');
            out.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return out;
    }

    @Override
    public List<Review> reviews(long userId) {
        return db.read("read the reviews of user " + userId, c -> {
            List<Review> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM review WHERE user_id = ? ORDER BY due_at, dimension")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Review(userId, rs.getString("dimension"), rs.getInt("reviews"),
                                rs.getInt("passes"), Instant.ofEpochMilli(rs.getLong("due_at")),
                                rs.getInt("last_score")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void saveReview(Review r) {
        db.read("save the review of user " + r.userId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO review (user_id, dimension, "
                    + "reviews, passes, due_at, last_score) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, r.userId());
                ps.setString(2, r.dimension());
                ps.setInt(3, r.reviews());
                ps.setInt(4, r.passes());
                ps.setLong(5, r.dueAt().toEpochMilli());
                ps.setInt(6, r.lastScore());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void clearReview(long userId, String dimension) {
        db.read("clear the review of user " + userId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM review WHERE user_id = ? AND dimension = ?")) {
                ps.setLong(1, userId);
                ps.setString(2, dimension);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean addCertificate(Certificate cert) {
        return db.read("store the certificate of user " + cert.userId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO certificate (user_id, level, "
                    + "earned_at, scores) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, cert.userId());
                ps.setInt(2, cert.level());
                ps.setLong(3, cert.earnedAt().toEpochMilli());
                ps.setString(4, json.writeValueAsString(cert.scores()));
                return ps.executeUpdate() == 1;
            } catch (JsonProcessingException e) {
                throw new StoreException("cannot encode the scores of a certificate", e);
            }
        });
    }

    @Override
    public Map<Long, List<Certificate>> certificates() {
        Map<Long, List<Certificate>> out = new LinkedHashMap<>();
        certificates("SELECT * FROM certificate ORDER BY user_id, level")
                .forEach(cert -> out.computeIfAbsent(cert.userId(), k -> new ArrayList<>()).add(cert));
        return out;
    }

    @Override
    public List<Certificate> unsentCertificates() {
        return certificates("SELECT * FROM certificate WHERE sent_at IS NULL ORDER BY earned_at, user_id, level");
    }

    @Override
    public boolean claimCertificate(long userId, int level, Instant now) {
        return db.read("mark the certificate of user " + userId + " as sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE certificate SET sent_at = ? WHERE user_id = ? "
                    + "AND level = ? AND sent_at IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, userId);
                ps.setInt(3, level);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<Certificate> certificates(String sql) {
        return db.read("read certificates", c -> {
            List<Certificate> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sent = rs.getLong("sent_at");
                    Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
                    out.add(new Certificate(rs.getLong("user_id"), rs.getInt("level"),
                            Instant.ofEpochMilli(rs.getLong("earned_at")), json.readValue(rs.getString("scores"),
                            SCORES), sentAt));
                }
            } catch (JsonProcessingException e) {
                throw new StoreException("a certificate's scores are not valid JSON", e);
            }
            return out;
        });
    }
}
