package org.coachbot.team;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link Assignments} in the {@code assignment} and {@code assignment_draft} tables. */
public final class SqliteAssignments implements Assignments {
    private final TeamDatabase db;

    public SqliteAssignments(TeamDatabase db) {
        this.db = db;
    }

    @Override
    public List<Assignment> add(List<Assignment> assignments) {
        return db.transaction("store assignments", c -> {
            List<Assignment> out = new ArrayList<>();
            String sql = "INSERT INTO assignment (trainee_id, supervisor_id, origin_chat, target, due_date, due_at, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (Assignment a : assignments) {
                    ps.setLong(1, a.traineeId());
                    ps.setLong(2, a.supervisorId());
                    ps.setLong(3, a.originChat());
                    ps.setString(4, a.target().key());
                    ps.setString(5, a.dueDate().toString());
                    ps.setLong(6, a.dueAt().toEpochMilli());
                    ps.setLong(7, a.createdAt().toEpochMilli());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        out.add(new Assignment(keys.getLong(1), a.traineeId(), a.supervisorId(), a.originChat(),
                                a.target(), a.dueDate(), a.dueAt(), a.createdAt(), null, null, 0));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Assignment> unsent() {
        return list("SELECT * FROM assignment WHERE notified_at IS NULL ORDER BY id");
    }

    @Override
    public boolean claimNotice(long id, Instant now) {
        return db.read("mark assignment " + id + " as sent", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE assignment SET notified_at = ? WHERE id = ? AND notified_at IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Assignment> open(long traineeId) {
        return list("SELECT * FROM assignment WHERE trainee_id = ? AND done_at IS NULL ORDER BY due_at, id",
                traineeId);
    }

    @Override
    public List<Assignment> current(Instant doneSince) {
        return list("SELECT * FROM assignment WHERE done_at IS NULL OR done_at >= ? ORDER BY due_at, id",
                doneSince.toEpochMilli());
    }

    @Override
    public List<Assignment> complete(long traineeId, Target target, Instant at, int score) {
        return db.transaction("complete assignments of user " + traineeId, c -> {
            List<Assignment> open = list(c, "SELECT * FROM assignment WHERE trainee_id = ? AND target = ? "
                    + "AND done_at IS NULL AND created_at <= ? ORDER BY id", traineeId, target.key(),
                    at.toEpochMilli());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE assignment SET done_at = ?, score = ? WHERE id = ? AND done_at IS NULL")) {
                for (Assignment a : open) {
                    ps.setLong(1, at.toEpochMilli());
                    ps.setInt(2, score);
                    ps.setLong(3, a.id());
                    ps.executeUpdate();
                }
            }
            return open.stream().map(a -> new Assignment(a.id(), a.traineeId(), a.supervisorId(), a.originChat(),
                    a.target(), a.dueDate(), a.dueAt(), a.createdAt(), a.notifiedAt(), at, score)).toList();
        });
    }

    @Override
    public Draft newDraft(long supervisorId, long chatId, List<Long> trainees, Instant now) {
        return db.transaction("start an assignment draft", c -> {
            // Drafts older than a day are abandoned; their buttons answer that they have expired.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM assignment_draft WHERE created_at < ?")) {
                ps.setLong(1, now.toEpochMilli() - 24 * 3600_000L);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO assignment_draft (supervisor_id, chat_id, "
                    + "trainees, target, page, created_at) VALUES (?, ?, ?, NULL, 0, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, supervisorId);
                ps.setLong(2, chatId);
                ps.setString(3, ids(trainees));
                ps.setLong(4, now.toEpochMilli());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Draft(keys.getLong(1), supervisorId, chatId, trainees, null, 0);
                }
            }
        });
    }

    @Override
    public Optional<Draft> draft(long id) {
        return db.read("read assignment draft " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM assignment_draft WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String target = rs.getString("target");
                    return Optional.of(new Draft(id, rs.getLong("supervisor_id"), rs.getLong("chat_id"),
                            parseIds(rs.getString("trainees")), target == null ? null : Target.parse(target),
                            rs.getInt("page")));
                }
            }
        });
    }

    @Override
    public void saveDraft(Draft d) {
        db.read("save assignment draft " + d.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE assignment_draft SET trainees = ?, target = ?, page = ? WHERE id = ?")) {
                ps.setString(1, ids(d.trainees()));
                if (d.target() == null) {
                    ps.setNull(2, Types.VARCHAR);
                } else {
                    ps.setString(2, d.target().key());
                }
                ps.setInt(3, d.page());
                ps.setLong(4, d.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void deleteDraft(long id) {
        db.read("delete assignment draft " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM assignment_draft WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private List<Assignment> list(String sql, Object... args) {
        return db.read("read assignments", c -> list(c, sql, args));
    }

    private static List<Assignment> list(Connection c, String sql, Object... args) throws SQLException {
        List<Assignment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Assignment(rs.getLong("id"), rs.getLong("trainee_id"), rs.getLong("supervisor_id"),
                            rs.getLong("origin_chat"), Target.parse(rs.getString("target")),
                            LocalDate.parse(rs.getString("due_date")), Instant.ofEpochMilli(rs.getLong("due_at")),
                            Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "notified_at"),
                            instant(rs, "done_at"), rs.getInt("score")));
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> parseIds(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::parseLong).toList();
    }
}
