package org.coachbot.bench;

import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.EmbeddingMeaning;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.view.Charts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures role-play: whether scores agree with a trainer's grades (calibration sets a and b), how well moves are
 * recognised (precision and recall per move on labelled lines, with a threshold sweep), whether the customer
 * behaves like a caller (realism), and the hot paths: one scripted turn through the desk including the embedding of
 * the trainee's line and the SQLite save, and the radar chart. Targets: turn p99 &lt;= 20 ms, chart &lt;= 300 ms.
 * Run: {@code java -jar bench/target/coach-bench.jar roleplay}.
 */
public final class RolePlayBenchmark {
    static final double TURN_P99_TARGET_MS = 20;
    static final double CHART_TARGET_MS = 300;
    private static final int WARMUP_TURNS = 300;
    private static final int MEASURED_TURNS = 2000;
    private static final int CHART_RUNS = 20;
    /** Lines that keep a call going (no solution or promise), so every measured turn is a plain turn. */
    private static final List<String> LINES = List.of("您好,请问是几号房间?", "非常抱歉,给您添麻烦了。",
            "换作是我也会着急的。", "您能具体说说当时的情况吗?", "嗯。", "请问您是什么时候发现的?");

    private RolePlayBenchmark() {
    }

    public static void main(String[] args) {
        Path knowledge = Path.of(args.length > 0 ? args[0] : "knowledge");
        Path data = Path.of(args.length > 1 ? args[1] : "data");
        System.exit(run(System.out, knowledge, data));
    }

    /** Prints the figures; returns 0 when both targets are met, 1 when not, 2 when there is nothing to play. */
    public static int run(PrintStream out, Path knowledgeDir, Path dataDir) {
        KnowledgeBase knowledge = new KnowledgeLoader().load(knowledgeDir);
        ScenarioBook book = ScenarioBook.load(knowledgeDir, knowledge);
        if (!book.playable()) {
            out.println("no rubric or no scenario in " + knowledgeDir.toAbsolutePath() + ": " + book.problems());
            return 2;
        }
        EmbeddingMeaning meaning = new EmbeddingMeaning(RetrievalIndex.defaultEmbeddingModel());
        meaning.warm(book.phrases());
        new RolePlayQuality(out, book, meaning).run();
        if (System.getenv("BENCH_ONLY") != null) {
            return 0;
        }
        Path scratch = scratch(dataDir);
        try (SqliteSessionStore store = SqliteSessionStore.open(scratch)) {
            KnowledgeState state = new KnowledgeState(knowledge, (q, n) -> List.of(), book, 1, Instant.now());
            RolePlayDesk desk = new RolePlayDesk(() -> state, store, new ScriptedPersona(), Clock.systemUTC(),
                    new java.util.Random(1)::nextLong, RolePlaySettings.DEFAULTS, meaning);
            turns(desk, store, book.scenarios(), WARMUP_TURNS);
            double[] turnMs = turns(desk, store, book.scenarios(), MEASURED_TURNS);
            double[] chartMs = charts(CHART_RUNS + 1);
            double chartCold = chartMs[0];
            double[] chartWarm = Arrays.copyOfRange(chartMs, 1, chartMs.length);
            double p50 = percentile(turnMs, 50);
            double p99 = percentile(turnMs, 99);
            double chartP50 = percentile(chartWarm, 50);
            double chartMax = percentile(chartWarm, 100);
            out.printf("scripted turn (desk.say: embedding, customer, SQLite WAL save), %d turns over %d scenarios: "
                    + "p50 %.2f ms, "
                    + "p99 %.2f ms (target <= %.0f ms)%n", MEASURED_TURNS, book.scenarios().size(), p50, p99,
                    TURN_P99_TARGET_MS);
            out.printf("radar chart 800x640 PNG, %d warm renders: p50 %.1f ms, max %.1f ms (target <= %.0f ms); "
                    + "first render after start (fonts, classes) %.1f ms%n", CHART_RUNS, chartP50, chartMax,
                    CHART_TARGET_MS, chartCold);
            return p99 <= TURN_P99_TARGET_MS && chartMax <= CHART_TARGET_MS ? 0 : 1;
        } finally {
            delete(scratch);
        }
    }

    /** Plays {@code count} turns, a fresh session every eight lines; returns each turn's time in ms. */
    private static double[] turns(RolePlayDesk desk, SqliteSessionStore store, List<Scenario> scenarios, int count) {
        User user = new User(1, "bench", false);
        Responder sink = new Responder() {
            @Override
            public void send(Reply reply) {
            }

            @Override
            public Status status(String html) {
                return update -> {
                };
            }
        };
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            if (i % 8 == 0) {
                store.discard(user.id(), 1);
                String id = scenarios.get(i / 8 % scenarios.size()).id();
                desk.start(Incoming.text(user, 1, "/roleplay " + id), id, sink);
            }
            // The turn number makes every line new to the embedding cache, so each turn pays for its embedding.
            Incoming line = Incoming.text(user, 1, LINES.get(i % LINES.size()) + i);
            long start = System.nanoTime();
            desk.say(line, sink);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Chart render times; the first one includes loading fonts and JFreeChart classes. */
    private static double[] charts(int runs) {
        List<Scorecard.DimensionScore> scores = List.of(
                new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", 80),
                new Scorecard.DimensionScore("empathy", "同理心", 65),
                new Scorecard.DimensionScore("positive_language", "积极语言", 70),
                new Scorecard.DimensionScore("resolution", "解决问题与承诺", 90),
                new Scorecard.DimensionScore("questioning", "提问与倾听", 55),
                new Scorecard.DimensionScore("ownership", "情绪掌控与担当", 75));
        List<Double> average = List.of(60.0, 60.0, 70.0, 50.0, 60.0, 70.0);
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Charts.radar("能力雷达图 · 总分 " + (70 + i), scores, average, "本次", "之前平均");
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Nearest-rank percentile of the values. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A throw-away folder inside the data folder, so the bot's own database is never touched. */
    private static Path scratch(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return Files.createTempDirectory(dataDir, "roleplay-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + dataDir, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + dir, e);
        }
    }
}
