package org.coachbot.bench;

import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.team.Assignment;
import org.coachbot.team.SqliteAssignments;
import org.coachbot.team.SqlitePeople;
import org.coachbot.team.SqliteTrainingLog;
import org.coachbot.team.Target;
import org.coachbot.team.Team;
import org.coachbot.team.TeamDatabase;
import org.coachbot.team.TeamSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the supervisor's {@code /team} on a large team: 500 trainees with 20,000 finished sessions (a tenth of
 * them drills) over 90 days and 1,000 assignments, in a scratch SQLite file. Times the whole answer (aggregation,
 * the first page, the chart) and a page turn, then the CSV export of every session, and checks that the export
 * streams: the heap in use after a collection stays flat while the sessions are read. Target: {@code /team}
 * &lt;= 1 s. Run: {@code java -jar bench/target/coach-bench.jar team}.
 */
public final class TeamBenchmark {
    static final double TEAM_TARGET_MS = 1000;
    static final int TRAINEES = 500;
    static final int SESSIONS = 20_000;
    static final int ASSIGNMENTS = 1_000;
    private static final int RUNS = 10;
    static final User SUPERVISOR = new User(1, "主管", "boss", false, true);

    private TeamBenchmark() {
    }

    /** Prints the figures; returns 0 when the target is met, 1 when not, 2 when there is nothing to play. */
    public static int run(PrintStream out, Path knowledgeDir, Path dataDir) throws IOException {
        KnowledgeBase knowledge = new KnowledgeLoader().load(knowledgeDir);
        ScenarioBook book = ScenarioBook.load(knowledgeDir, knowledge);
        if (!book.playable()) {
            out.println("no rubric or no scenario in " + knowledgeDir.toAbsolutePath() + ": " + book.problems());
            return 2;
        }
        Files.createDirectories(dataDir);
        Path scratch = Files.createTempDirectory(dataDir, "team-bench-");
        Clock clock = Clock.systemUTC();
        try (SqliteSessionStore sessions = SqliteSessionStore.open(scratch);
             TeamDatabase db = TeamDatabase.open(scratch)) {
            SqlitePeople people = new SqlitePeople(db);
            SqliteAssignments assignments = new SqliteAssignments(db);
            SqliteTrainingLog training = new SqliteTrainingLog(db);
            long filled = System.nanoTime();
            fill(scratch, book, people, assignments, clock.instant());
            out.printf("team data: %d trainees, %d sessions, %d assignments written in %.1f s%n", TRAINEES, SESSIONS,
                    ASSIGNMENTS, (System.nanoTime() - filled) / 1e9);
            KnowledgeState state = new KnowledgeState(knowledge, (q, n) -> List.of(), book, 1, clock.instant());
            RolePlayDesk desk = new RolePlayDesk(() -> state, sessions, new ScriptedPersona(), clock,
                    new Random(1)::nextLong, RolePlaySettings.DEFAULTS, Meaning.NONE);
            TeamSettings settings = new TeamSettings(ZoneId.of("Asia/Shanghai"), RolePlaySettings.DEFAULT_PASS_MARK,
                    3, Duration.ofSeconds(30));
            Team team = new Team(people, assignments, training, desk, () -> book, (chat, reply) -> { }, clock,
                    settings, Set.of(SUPERVISOR.id()), scratch.resolve("exports"));
            Counting sink = new Counting();
            double cold = timed(() -> team.supervisors().team(text("/team"), "", sink))[0];
            double[] full = new double[RUNS];
            double[] fullCpu = new double[RUNS];
            double[] firstReply = new double[RUNS];
            double[] page = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                sink.started = System.nanoTime();
                double[] t = timed(() -> team.supervisors().team(text("/team"), "", sink));
                full[i] = t[0];
                fullCpu[i] = t[1];
                firstReply[i] = sink.textAfterMs;
                page[i] = timed(() -> team.supervisors().onButton(Incoming.button(SUPERVISOR, 1, "tm:team:3"),
                        sink))[0];
            }
            out.printf("/team (aggregate %d sessions, first page, chart): first %.0f ms (chart fonts and classes "
                            + "load), then p50 %.0f ms, max %.0f ms (target <= %.0f ms), CPU time p50 %.0f ms; "
                            + "page turn p50 %.0f ms; machine load average %.1f on %d cores%n",
                    SESSIONS, cold, RolePlayBenchmark.percentile(full, 50), RolePlayBenchmark.percentile(full, 100),
                    TEAM_TARGET_MS, RolePlayBenchmark.percentile(fullCpu, 50), RolePlayBenchmark.percentile(page, 50),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("/team first page: %d characters, on its way after p50 %.0f ms, max %.0f ms; chart %d bytes%n",
                    sink.lastText, RolePlayBenchmark.percentile(firstReply, 50),
                    RolePlayBenchmark.percentile(firstReply, 100), sink.lastImage);
            double[] export = new double[3];
            double[] exportCpu = new double[3];
            for (int i = 0; i < export.length; i++) {
                double[] t = timed(() -> team.supervisors().team(text("/team export"), "export", sink));
                export[i] = t[0];
                exportCpu[i] = t[1];
            }
            out.printf("/team export: %d sessions, %.1f MB CSV in p50 %.0f ms (CPU time %.0f ms)%n", SESSIONS,
                    Files.size(sink.lastFile) / 1e6, RolePlayBenchmark.percentile(export, 50),
                    RolePlayBenchmark.percentile(exportCpu, 50));
            out.println("export streaming: heap in use after a collection while reading the sessions (MB): "
                    + heapWhileReading(training));
            double max = RolePlayBenchmark.percentile(full, 100);
            return max <= TEAM_TARGET_MS ? 0 : 1;
        } finally {
            if (System.getenv("KEEP_BENCH_DATA") == null) {
                delete(scratch);
            }
        }
    }

    /** Sessions spread over 90 days with seeded scores, written in one transaction of plain inserts. */
    static void fill(Path dir, ScenarioBook book, SqlitePeople people, SqliteAssignments assignments,
                             Instant now) {
        Random random = new Random(13);
        for (int t = 0; t < TRAINEES; t++) {
            people.saw(1000 + t, "学员" + t, "trainee" + t, true, now.minus(Duration.ofMinutes(t)));
        }
        List<Scenario> scenarios = book.scenarios();
        List<Dimension> dimensions = book.rubric().orElseThrow().dimensions();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("roleplay.db"))) {
            c.setAutoCommit(false);
            try (PreparedStatement session = c.prepareStatement("INSERT INTO finished_session (user_id, chat_id, "
                    + "scenario_id, outcome, total, turns, hints, started_at, ended_at, transcript, resolved, "
                    + "drill_dimension, drill_turns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement score = c.prepareStatement(
                         "INSERT INTO dimension_score (session_id, dimension, score) VALUES (?, ?, ?)")) {
                for (int i = 0; i < SESSIONS; i++) {
                    long user = 1000 + random.nextInt(TRAINEES);
                    long ended = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60))).toEpochMilli();
                    boolean drill = random.nextInt(10) == 0;
                    String focus = drill ? dimensions.get(random.nextInt(dimensions.size())).id() : "";
                    session.setLong(1, user);
                    session.setLong(2, user);
                    session.setString(3, scenarios.get(random.nextInt(scenarios.size())).id());
                    session.setString(4, drill ? "DRILL_DONE" : "ENDED");
                    session.setInt(5, 30 + random.nextInt(70));
                    session.setInt(6, drill ? 3 : 4 + random.nextInt(10));
                    session.setInt(7, random.nextInt(3));
                    session.setLong(8, ended - 300_000);
                    session.setLong(9, ended);
                    session.setInt(10, random.nextInt(2));
                    session.setString(11, focus);
                    session.setInt(12, drill ? 3 : 0);
                    session.executeUpdate();
                    long id;
                    try (var keys = session.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    for (Dimension d : dimensions) {
                        score.setLong(1, id);
                        score.setString(2, d.id());
                        score.setInt(3, 20 + random.nextInt(81));
                        score.addBatch();
                    }
                    score.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the benchmark database: " + e.getMessage(), e);
        }
        List<Assignment> work = new ArrayList<>();
        for (int i = 0; i < ASSIGNMENTS; i++) {
            Instant created = now.minus(Duration.ofDays(random.nextInt(20)));
            Instant due = created.plus(Duration.ofDays(3));
            work.add(new Assignment(0, 1000 + random.nextInt(TRAINEES), SUPERVISOR.id(), -100,
                    Target.scenario(scenarios.get(random.nextInt(scenarios.size())).id()),
                    due.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(), due, created, created, null, 0));
        }
        assignments.add(work);
    }

    /** Heap in use after a collection at every quarter of the sessions read: flat when nothing is kept. */
    private static String heapWhileReading(SqliteTrainingLog training) {
        List<String> samples = new ArrayList<>();
        int[] n = {0};
        samples.add(heapMb());
        training.forEachSession(row -> {
            if (++n[0] % (SESSIONS / 4) == 0) {
                samples.add(heapMb());
            }
        });
        return String.join(", ", samples);
    }

    private static String heapMb() {
        System.gc();
        return String.format("%.1f", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6);
    }

    private static Incoming text(String line) {
        return Incoming.text(SUPERVISOR, SUPERVISOR.id(), line);
    }

    /** Wall-clock and CPU milliseconds of one run on this thread (SQLite runs on the calling thread too). */
    private static double[] timed(Runnable r) {
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        r.run();
        return new double[]{(System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6};
    }

    /** Remembers the size of what the report sent, and fails loudly if it sent an error instead. */
    private static final class Counting implements Responder {
        int lastText;
        int lastImage;
        Path lastFile;
        long started;
        double textAfterMs;

        @Override
        public void send(Reply reply) {
            if (reply.hasImage()) {
                lastImage = reply.png().length;
            } else if (reply.hasFile()) {
                lastFile = reply.file().path();
            } else {
                lastText = reply.html().length();
                textAfterMs = (System.nanoTime() - started) / 1e6;
            }
            if (reply.html().contains("失败")) {
                throw new IllegalStateException("the team feature answered with an error: " + reply.html());
            }
        }

        @Override
        public Status status(String html) {
            return update -> {
            };
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + dir, e);
        }
    }
}
