package org.coachbot.insights;

import org.coachbot.store.Sqlite;
import org.coachbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The question log in the bot's SQLite file: questions with the sections shown and the knowledge version, one
 * verdict per user per answer, and the embeddings {@code /gaps} computed for them. Rows older than the retention
 * are deleted at start and then once a day, so the file stops growing. Questions are written on the log's own
 * thread; reads first wait for what was recorded before them. One connection, used under this object's lock.
 */
public final class SqliteQuestionLog implements QuestionLog, AutoCloseable {
    /** The component name of these tables in {@code schema_version}. */
    public static final String COMPONENT = "insights";
    /** A year shows seasonal questions and keeps the file near 50 MB at a few hundred questions a day. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    static final Duration PRUNE_EVERY = Duration.ofDays(1);
    /** Questions waiting to be written; more means the disk is stuck, and further ones are dropped, not queued. */
    static final int MAX_PENDING = 10_000;
    /** How long a read waits for questions the writer thread is writing. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SqliteQuestionLog.class);

    private final Connection connection;
    private final QuestionRows rows;
    private final Duration retention;
    private final Clock clock;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>(MAX_PENDING);
    private final AtomicLong lastId;
    private final AtomicLong queued = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    /** Questions taken off the queue, written or given up on; guarded by this. */
    private long handled;
    private Instant nextPrune = Instant.MIN;

    /** A question waiting to be written, with the id it was promised. */
    private record Pending(long id, AskedQuestion question) {
    }

    private SqliteQuestionLog(Connection connection, Duration retention, Clock clock, long lastId) {
        this.connection = connection;
        this.rows = new QuestionRows(connection);
        this.retention = retention;
        this.clock = clock;
        this.lastId = new AtomicLong(lastId);
        this.writer = new Thread(this::writeLoop, "question-log");
        writer.setDaemon(true);
    }

    /** Opens the log in {@code DATA_DIR/roleplay.db}, brings its tables up to date and prunes old rows. */
    public static SqliteQuestionLog open(Path dataDir, Duration retention, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be > 0: " + retention);
        }
        SqliteQuestionLog opened = Sqlite.open(dataDir, "the question log", c -> {
            Sqlite.migrate(c, COMPONENT, QuestionRows.MIGRATIONS);
            return new SqliteQuestionLog(c, retention, clock, lastId(c));
        });
        synchronized (opened) {
            opened.pruneIfDue();
        }
        opened.writer.start();
        return opened;
    }

    /** The highest id ever given, pruned ones included: {@code sqlite_sequence} keeps it after the rows are gone. */
    private static long lastId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'question'), 0), "
                        + "COALESCE((SELECT MAX(id) FROM question), 0))")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Gives the question its id at once and writes it on the log's own thread, so a tip never waits for the disk
     * (a commit takes 0.1 ms, but one that checkpoints the WAL file takes 10 to 100 ms on a busy machine).
     */
    @Override
    public long record(AskedQuestion q) {
        if (closed) {
            log.warn("question log is closed; the question of user {} is not recorded", q.userId());
            return NOT_RECORDED;
        }
        long id = lastId.incrementAndGet();
        if (!pending.offer(new Pending(id, q))) {
            log.warn("question log is {} questions behind; the question of user {} is not recorded", MAX_PENDING,
                    q.userId());
            return NOT_RECORDED;
        }
        queued.incrementAndGet();
        return id;
    }

    private void writeLoop() {
        while (!closed) {
            try {
                Pending first = pending.poll(1, TimeUnit.SECONDS);
                synchronized (this) {
                    write(first);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Keep the thread: a later batch may well succeed.
                log.error("question log writer failed", e);
            }
        }
    }

    /**
     * Writes {@code first} and everything queued behind it in one transaction, then prunes if a day has passed;
     * must hold the lock.
     */
    private void write(Pending first) {
        List<Pending> batch = new ArrayList<>();
        if (first != null) {
            batch.add(first);
        }
        pending.drainTo(batch);
        if (batch.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try {
                for (Pending p : batch) {
                    rows.insert(p.id(), p.question());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            // The agents still got their tips; only these lines of /gaps and /stats are lost.
            log.warn("cannot write {} questions to the question log", batch.size(), e);
        } finally {
            handled += batch.size();
            notifyAll();
        }
        pruneIfDue();
    }

    /** Waits until every question recorded before the call is written, so a read sees it; must hold the lock. */
    private void flush() {
        long target = queued.get();
        write(null);
        long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
        // The writer thread may hold questions it took off the queue before this thread got the lock.
        while (handled < target && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @throws StoreException when no question has this id, or the verdict cannot be written */
    @Override
    public synchronized void feedback(long questionId, long userId, boolean helpful, Instant at) {
        flush();
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

    @Override
    public Optional<String> text(long questionId) {
        return find(questionId).map(LoggedQuestion::text);
    }

    /** The question with this id, or empty when it was never recorded or has been pruned. */
    public synchronized Optional<LoggedQuestion> find(long questionId) {
        flush();
        List<LoggedQuestion> found = rows.read("q.id = ?", questionId);
        return found.stream().findFirst();
    }

    /**
     * The questions asked in {@code [from, until)} that show what is missing: the declined ones and the tips with a
     * 👎, oldest first.
     */
    public synchronized List<LoggedQuestion> gaps(Instant from, Instant until) {
        flush();
        return rows.read("q.asked_at >= ? AND q.asked_at < ? AND (q.answer <> 'TIP' OR EXISTS (SELECT 1 FROM feedback f "
                + "WHERE f.question_id = q.id AND f.helpful = 0))", from.toEpochMilli(), until.toEpochMilli());
    }

    /** Questions, verdicts, sections and practice sessions in a range; {@code topSections} most shown sections. */
    public synchronized Usage usage(DateRange range, int topSections) {
        flush();
        try {
            return new UsageQuery(connection).run(range, topSections);
        } catch (SQLException e) {
            throw new StoreException("cannot read usage from " + range.first() + " to " + range.last() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The embeddings stored for these questions by {@code model}; questions without one are left out. */
    public synchronized Map<Long, float[]> vectors(Collection<Long> questionIds, String model) {
        flush();
        return rows.vectors(questionIds, model);
    }

    /** Keeps embeddings of questions, so the next {@code /gaps} does not compute them again. */
    public synchronized void saveVectors(Map<Long, float[]> vectors, String model) {
        flush();
        rows.saveVectors(vectors, model);
    }

    /** Deletes questions older than the retention, with their sections, verdicts and embeddings; returns how many. */
    public synchronized int prune() {
        Instant now = clock.instant();
        nextPrune = now.plus(PRUNE_EVERY);
        flush();
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

    /** Writes what is still queued and closes the connection. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(FLUSH_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeConnection();
        }
    }

    private void closeConnection() {
        write(null);
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the question log", e);
        }
    }
}
