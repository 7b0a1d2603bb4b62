package org.coachbot.insights;

import org.coachbot.store.StoreException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The question log's tables and the SQL that reads and writes their rows, on the log's connection and lock. */
final class QuestionRows {
    /** Ids per {@code IN (…)}: well below SQLite's limit of bound parameters. */
    private static final int IDS_PER_QUERY = 500;

    /** Index i brings the tables from version i to i + 1. Append; never edit a released migration. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            // AUTOINCREMENT keeps the highest id ever used in sqlite_sequence, pruned rows included; the log
            // hands out ids above it, so a button under a pruned answer can never vote on a newer question.
            """
            CREATE TABLE question (
                id                INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id           INTEGER NOT NULL,
                chat_id           INTEGER NOT NULL,
                text              TEXT    NOT NULL,
                answer            TEXT    NOT NULL,
                knowledge_version INTEGER NOT NULL,
                asked_at          INTEGER NOT NULL
            )""",
            "CREATE INDEX question_by_time ON question (asked_at)",
            "CREATE INDEX question_by_answer ON question (answer, asked_at)",
            """
            CREATE TABLE question_section (
                question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                section_id  TEXT    NOT NULL,
                PRIMARY KEY (question_id, position)
            )""",
            """
            CREATE TABLE feedback (
                question_id INTEGER NOT NULL REFERENCES question (id) ON DELETE CASCADE,
                user_id     INTEGER NOT NULL,
                helpful     INTEGER NOT NULL,
                given_at    INTEGER NOT NULL,
                PRIMARY KEY (question_id, user_id)
            )""",
            "CREATE INDEX feedback_unhelpful ON feedback (helpful, question_id)",
            """
            CREATE TABLE question_vector (
                question_id INTEGER PRIMARY KEY REFERENCES question (id) ON DELETE CASCADE,
                model       TEXT NOT NULL,
                vector      BLOB NOT NULL
            )"""));

    private final Connection connection;

    QuestionRows(Connection connection) {
        this.connection = connection;
    }

    /** Inserts a question with the id it was promised and the sections it was shown. */
    void insert(long id, AskedQuestion q) throws SQLException {
        String sql = "INSERT INTO question (id, user_id, chat_id, text, answer, knowledge_version, asked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, q.userId());
            ps.setLong(3, q.chatId());
            ps.setString(4, q.question());
            ps.setString(5, q.answer().name());
            ps.setLong(6, q.knowledgeVersion());
            ps.setLong(7, q.at().toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO question_section (question_id, position, section_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < q.sectionIds().size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, q.sectionIds().get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Questions matching a condition on {@code q}, oldest first, with their sections and verdict counts. */
    List<LoggedQuestion> read(String where, Object... args) {
        String sql = "SELECT q.id, q.text, q.answer, q.knowledge_version, q.asked_at, "
                + "(SELECT COUNT(*) FROM feedback f WHERE f.question_id = q.id AND f.helpful = 1) AS up, "
                + "(SELECT COUNT(*) FROM feedback f WHERE f.question_id = q.id AND f.helpful = 0) AS down "
                + "FROM question q WHERE " + where + " ORDER BY q.asked_at, q.id";
        List<LoggedQuestion> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getInt(6), rs.getInt(7)});
                }
            }
            Map<Long, List<String>> sections = sections(rows.stream().map(r -> (Long) r[0]).toList());
            for (Object[] r : rows) {
                out.add(new LoggedQuestion((Long) r[0], (String) r[1], AnswerKind.valueOf((String) r[2]),
                        sections.getOrDefault((Long) r[0], List.of()), (Long) r[3],
                        Instant.ofEpochMilli((Long) r[4]), (Integer) r[5], (Integer) r[6]));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the question log: " + e.getMessage(), e);
        }
    }

    private Map<Long, List<String>> sections(List<Long> ids) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            String sql = "SELECT question_id, section_id FROM question_section WHERE question_id IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) ORDER BY question_id, position";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** The embeddings stored for these questions by {@code model}; questions without one are left out. */
    Map<Long, float[]> vectors(Collection<Long> questionIds, String model) {
        Map<Long, float[]> out = new HashMap<>();
        try {
            for (List<Long> chunk : chunks(List.copyOf(questionIds))) {
                String sql = "SELECT question_id, vector FROM question_vector WHERE model = ? AND question_id IN ("
                        + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setString(1, model);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), floats(rs.getBytes(2)));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read question embeddings: " + e.getMessage(), e);
        }
    }

    /** Keeps embeddings of questions, so the next {@code /gaps} does not compute them again. */
    void saveVectors(Map<Long, float[]> vectors, String model) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT OR REPLACE INTO question_vector (question_id, model, vector) "
                            + "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM question WHERE id = ?)")) {
                for (Map.Entry<Long, float[]> e : vectors.entrySet()) {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, model);
                    ps.setBytes(3, bytes(e.getValue()));
                    ps.setLong(4, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save question embeddings: " + e.getMessage(), e);
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            out.add(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)));
        }
        return out;
    }

    private static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
