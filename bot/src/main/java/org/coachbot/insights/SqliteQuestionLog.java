package org.coachbot.insights;

import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The question log in the bot's SQLite file: questions with the sections shown and the knowledge version, one
 * verdict per user per answer, and the embeddings {@code /gaps} computed for them. Rows older than the retention
 * are deleted at start and then once a day, so the file stops growing. One connection, used under this object's
 * lock, like the session store.
 */
public final class SqliteQuestionLog implements QuestionLog, AutoCloseable {
    /** The component name of these tables in {@code schema_version}. */
    public static final String COMPONENT = "insights";
    /** A year shows seasonal questions and keeps the file near 50 MB at a few hundred questions a day. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    static final Duration PRUNE_EVERY = Duration.ofDays(1);
    /** Ids per {@code IN (…)}: well below SQLite's limit of bound parameters. */
    private static final int IDS_PER_QUERY = 500;
    private static final Logger log = LoggerFactory.getLogger(SqliteQuestionLog.class);

    /** Index i brings the tables from version i to i + 1. Append; never edit a released migration. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            // AUTOINCREMENT: ids are never reused after pruning, so a button under a pruned answer cannot vote
            // on a newer question.
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
    private final Duration retention;
    private final Clock clock;
    private Instant nextPrune = Instant.MIN;

    private SqliteQuestionLog(Connection connection, Duration retention, Clock clock) {
        this.connection = connection;
        this.retention = retention;
        this.clock = clock;
    }

    /** Opens the log in {@code DATA_DIR/roleplay.db}, brings its tables up to date and prunes old rows. */
    public static SqliteQuestionLog open(Path dataDir, Duration retention, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be > 0: " + retention);
        }
        Connection c = Sqlite.open(dataDir);
        try {
            Sqlite.migrate(c, COMPONENT, MIGRATIONS);
        } catch (RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        SqliteQuestionLog opened = new SqliteQuestionLog(c, retention, clock);
        opened.pruneIfDue();
        return opened;
    }

    @Override
    public synchronized long record(AskedQuestion q) {
        pruneIfDue();
        try {
            connection.setAutoCommit(false);
            try {
                long id = insert(q);
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
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // The agent still gets the tip; only its line in /gaps and /stats is lost.
            log.warn("cannot record the question of user {} in the question log", q.userId(), e);
            return NOT_RECORDED;
        }
    }

    private long insert(AskedQuestion q) throws SQLException {
        String sql = "INSERT INTO question (user_id, chat_id, text, answer, knowledge_version, asked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, q.userId());
            ps.setLong(2, q.chatId());
            ps.setString(3, q.question());
            ps.setString(4, q.answer().name());
            ps.setLong(5, q.knowledgeVersion());
            ps.setLong(6, q.at().toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** @throws StoreException when no question has this id, or the verdict cannot be written */
    @Override
    public synchronized void feedback(long questionId, long userId, boolean helpful, Instant at) {
        String sql = "INSERT INTO feedback (question_id, user_id, helpful, given_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (question_id, user_id) DO UPDATE SET helpful = excluded.helpful, "
                + "given_at = excluded.given_at WHERE excluded.given_at >= feedback.given_at";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, questionId);
            ps.setLong(2, userId);
            ps.setInt(3, helpful ? 1 : 0);
            ps.setLong(4, at.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the verdict of user " + userId + " on question " + questionId
                    + ": " + e.getMessage(), e);
        }
    }

    /** The question with this id, or empty when it was never recorded or has been pruned. */
    public synchronized Optional<LoggedQuestion> find(long questionId) {
        List<LoggedQuestion> found = read("q.id = ?", questionId);
        return found.stream().findFirst();
    }

    /**
     * The questions asked in {@code [from, until)} that show what is missing: the declined ones and the tips with a
     * 👎, oldest first.
     */
    public synchronized List<LoggedQuestion> gaps(Instant from, Instant until) {
        return read("q.asked_at >= ? AND q.asked_at < ? AND (q.answer <> 'TIP' OR EXISTS (SELECT 1 FROM feedback f "
                + "WHERE f.question_id = q.id AND f.helpful = 0))", from.toEpochMilli(), until.toEpochMilli());
    }

    /** Questions, verdicts, sections and practice sessions in a range; {@code topSections} most shown sections. */
    public synchronized Usage usage(DateRange range, int topSections) {
        try {
            return new UsageQuery(connection).run(range, topSections);
        } catch (SQLException e) {
            throw new StoreException("cannot read usage from " + range.first() + " to " + range.last() + ": "
                    + e.getMessage(), e);
        }
    }

    private List<LoggedQuestion> read(String where, Object... args) {
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
    public synchronized Map<Long, float[]> vectors(Collection<Long> questionIds, String model) {
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
    public synchronized void saveVectors(Map<Long, float[]> vectors, String model) {
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

    /** Deletes questions older than the retention, with their sections, verdicts and embeddings; returns how many. */
    public synchronized int prune() {
        Instant now = clock.instant();
        nextPrune = now.plus(PRUNE_EVERY);
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM question WHERE asked_at < ?")) {
            ps.setLong(1, now.minus(retention).toEpochMilli());
            int removed = ps.executeUpdate();
            if (removed > 0) {
                log.info("question log: removed {} questions older than {} days", removed, retention.toDays());
            }
            return removed;
        } catch (SQLException e) {
            // Growth is not urgent: the next day tries again.
            log.warn("cannot prune the question log", e);
            return 0;
        }
    }

    private void pruneIfDue() {
        if (!clock.instant().isBefore(nextPrune)) {
            prune();
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

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the question log", e);
        }
    }
}
