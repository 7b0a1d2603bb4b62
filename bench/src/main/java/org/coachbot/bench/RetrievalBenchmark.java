package org.coachbot.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.Section;
import org.coachbot.retrieval.Bm25Retriever;
import org.coachbot.retrieval.Bm25Settings;
import org.coachbot.retrieval.ChineseAnalysis;
import org.coachbot.retrieval.CjkAnalysis;
import org.coachbot.retrieval.DenseRetriever;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.retrieval.Fusion;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.HybridSettings;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.retrieval.Retriever;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures retrieval on the evaluation sets ({@code eval/questions-*.tsv} on the classpath): quality and latency of
 * BM25 with each analysis, dense with and without bge's query prefix, and the hybrid; index build time with a cold
 * and a warm embedding cache; warm start-up time. Run with {@code java -jar bench/target/coach-bench.jar retrieval}.
 */
public final class RetrievalBenchmark {
    /** Targets on two cores. */
    static final double TARGET_RECALL_AT_3 = 0.95;
    static final double TARGET_P99_MS = 30;
    static final double TARGET_WARM_START_MS = 5_000;

    private final PrintStream out;
    private final Path knowledgeDir;
    private final Path dataDir;
    private final QueryNormalizer normalizer = new QueryNormalizer();

    private RetrievalBenchmark(PrintStream out, Path knowledgeDir, Path dataDir) {
        this.out = out;
        this.knowledgeDir = knowledgeDir;
        this.dataDir = dataDir;
    }

    /** Prints the report; returns 0 if the hybrid meets every target, 1 if not, 2 if there is nothing to measure. */
    public static int run(PrintStream out, Path knowledgeDir, Path dataDir) {
        return new RetrievalBenchmark(out, knowledgeDir, dataDir).run(EvalSet.fromClasspath());
    }

    /** Same as {@link #run(PrintStream, Path, Path)} with explicit questions. */
    public static int run(PrintStream out, Path knowledgeDir, Path dataDir, List<EvalQuestion> questions) {
        return new RetrievalBenchmark(out, knowledgeDir, dataDir).run(questions);
    }

    private int run(List<EvalQuestion> questions) {
        long modelStart = System.nanoTime();
        EmbeddingModel model = RetrievalIndex.defaultEmbeddingModel();
        model.embed("预热"); // the ONNX session is created lazily with the first text
        double modelMs = millisSince(modelStart);

        KnowledgeBase kb = new KnowledgeLoader().load(knowledgeDir);
        long on = questions.stream().filter(q -> !q.offTopic()).count();
        out.printf(Locale.ROOT, "Knowledge: %d sections in %d files from %s (%d files with problems)%n",
                kb.sections().size(), kb.fileCount(), knowledgeDir, kb.problems().size());
        kb.problems().forEach(p -> out.println("  problem: " + p.getMessage()));
        out.printf(Locale.ROOT, "Questions: %d on-topic, %d off-topic%n", on, questions.size() - on);
        if (kb.sections().isEmpty() || questions.isEmpty()) {
            out.println("Nothing to measure: need knowledge sections and eval/questions-*.tsv on the classpath.");
            return 2;
        }
        reportUnknownIds(kb, questions);

        Path coldDir = freshCacheDir();
        double coldMs = timeBuild(model, coldDir, kb);
        deleteRecursively(coldDir);
        timeBuild(model, dataDir, kb); // fills the real cache if it was empty
        double warmMs = timeBuild(model, dataDir, kb);
        double startMs = modelMs + timeWarmStart(model, questions.get(0).question());

        HybridRetriever hybrid = new RetrievalIndex(model, dataDir).build(kb, IndexProgress.NONE);
        List<Section> sections = kb.sections();
        out.println();
        out.println("| retriever | Recall@1 | Recall@3 | MRR | off-topic rejected | p50 ms | p99 ms |");
        out.println("|---|---|---|---|---|---|---|");
        for (ChineseAnalysis analysis : List.<ChineseAnalysis>of(SmartChineseAnalysis.SMART_CN, CjkAnalysis.CJK_BIGRAM,
                CjkAnalysis.CJK_BIGRAM_UNIGRAM)) {
            row("BM25 " + analysis.name(), new Bm25Retriever(sections, new Bm25Settings(analysis,
                    Bm25Settings.DEFAULT_TITLE_BOOST, Bm25Settings.DEFAULT_TAGS_BOOST, Bm25Settings.DEFAULT_BODY_BOOST,
                    Bm25Settings.DEFAULT_MIN_SCORE), normalizer), questions);
        }
        List<float[]> vectors = passageVectors(model, sections);
        DenseRetriever plainDense = dense(model, sections, vectors, "");
        row("dense, no prefix", plainDense, questions);
        row("dense, bge prefix", dense(model, sections, vectors, DenseRetriever.BGE_QUERY_PREFIX), questions);
        HybridSettings chosen = hybrid.settings();
        Fusion other = chosen.fusion() == Fusion.WEIGHTED_SCORE ? Fusion.RECIPROCAL_RANK : Fusion.WEIGHTED_SCORE;
        row("hybrid " + other, hybrid.withSettings(uncached(chosen, other)), questions);
        HybridRetriever uncached = hybrid.withSettings(uncached(chosen, chosen.fusion()));
        Row result = row("**hybrid " + chosen.fusion() + " (chosen)**", uncached, questions);
        printBySet(uncached, questions);
        Latency cached = Latency.measure(hybrid, questions);
        out.printf(Locale.ROOT, "%nLatencies above bypass the query cache; repeated questions with it: p50 %.3f ms, "
                + "p99 %.3f ms%n", cached.p50(), cached.p99());

        out.printf(Locale.ROOT, "Embedding model load: %.0f ms%n", modelMs);
        out.printf(Locale.ROOT, "Index build, cold cache: %.0f ms; warm cache: %.0f ms%n", coldMs, warmMs);
        out.printf(Locale.ROOT, "Warm start-up (model + knowledge + index + first answer): %.0f ms%n", startMs);
        new ThresholdSweep(out).print(plainDense, chosen.minCosine(), questions);
        printMisses(result.quality());
        return verdict(result.quality(), result.latency(), startMs);
    }

    private record Row(RetrievalQuality quality, Latency latency) {
    }

    private Row row(String name, Retriever retriever, List<EvalQuestion> questions) {
        RetrievalQuality q = RetrievalQuality.measure(retriever, questions);
        Latency latency = Latency.measure(retriever, questions);
        out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %.2f | %.2f |%n", name, q.recallAt1(),
                q.recallAt3(), q.mrr(), q.offTopic() == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f",
                        q.offTopicRejection()), latency.p50(), latency.p99());
        return new Row(q, latency);
    }

    /**
     * The chosen hybrid on each evaluation set alone, so a set written after the tuning shows whether the figures
     * hold for questions the tuning never saw.
     */
    private void printBySet(Retriever hybrid, List<EvalQuestion> questions) {
        Map<String, List<EvalQuestion>> bySet = questions.stream().collect(Collectors.groupingBy(
                q -> q.source().contains(":") ? q.source().substring(0, q.source().lastIndexOf(':')) : q.source(),
                TreeMap::new, Collectors.toList()));
        if (bySet.size() < 2) {
            return;
        }
        out.println();
        out.println("| chosen hybrid on | on-topic | Recall@1 | Recall@3 | MRR | off-topic rejected |");
        out.println("|---|---|---|---|---|---|");
        bySet.forEach((set, qs) -> {
            RetrievalQuality q = RetrievalQuality.measure(hybrid, qs);
            long on = qs.stream().filter(x -> !x.offTopic()).count();
            out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %s |%n", set, on, q.recallAt1(), q.recallAt3(),
                    q.mrr(), q.offTopic() == 0 ? "n/a" : String.format(Locale.ROOT, "%d/%d",
                            Math.round(q.offTopicRejection() * q.offTopic()), q.offTopic()));
        });
    }

    /** The chosen settings with another fusion and no query cache, so every question is computed. */
    private static HybridSettings uncached(HybridSettings s, Fusion fusion) {
        return s.with(fusion, 0);
    }

    private DenseRetriever dense(EmbeddingModel model, List<Section> sections, List<float[]> vectors,
                                 String prefix) {
        return new DenseRetriever(sections, vectors, model, normalizer, prefix, DenseRetriever.DEFAULT_MIN_SCORE);
    }

    private List<float[]> passageVectors(EmbeddingModel model, List<Section> sections) {
        EmbeddingCache cache = EmbeddingCache.open(dataDir, RetrievalIndex.modelKey(model));
        return sections.stream()
                .map(s -> DenseRetriever.passageText(s, normalizer))
                .map(t -> cache.get(t).orElseGet(() -> model.embed(t).content().vector()))
                .toList();
    }

    private double timeBuild(EmbeddingModel model, Path cacheDir, KnowledgeBase kb) {
        long start = System.nanoTime();
        new RetrievalIndex(model, cacheDir).build(kb, IndexProgress.NONE);
        return millisSince(start);
    }

    private double timeWarmStart(EmbeddingModel model, String firstQuestion) {
        long start = System.nanoTime();
        KnowledgeBase kb = new KnowledgeLoader().load(knowledgeDir);
        RetrievalIndex index = new RetrievalIndex(model, dataDir);
        index.rebuild(kb, IndexProgress.NONE);
        index.search(firstQuestion, 3);
        return millisSince(start);
    }

    private Path freshCacheDir() {
        try {
            Files.createDirectories(dataDir);
            return Files.createTempDirectory(dataDir, "bench-cold-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + dataDir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private void reportUnknownIds(KnowledgeBase kb, List<EvalQuestion> questions) {
        Set<String> known = kb.sections().stream().map(Section::id).collect(Collectors.toSet());
        questions.stream()
                .flatMap(q -> q.expectedIds().stream().filter(id -> !known.contains(id)).map(id -> q.source() + ": "
                        + id))
                .forEach(s -> out.println("  unknown section id (always a miss): " + s));
    }

    private void printMisses(RetrievalQuality quality) {
        out.printf(Locale.ROOT, "%nHybrid misses (%d):%n", quality.misses().size());
        for (RetrievalQuality.Miss m : quality.misses()) {
            out.printf("  %s  %s%n    expected %s%n    got      %s%n", m.question().source(), m.question().question(),
                    m.question().offTopic() ? "(nothing)" : String.join(" | ", m.question().expectedIds()),
                    m.got().isEmpty() ? "(nothing)" : String.join(" | ", m.got()));
        }
    }

    private int verdict(RetrievalQuality quality, Latency latency, double startMs) {
        boolean ok = quality.recallAt3() >= TARGET_RECALL_AT_3 && latency.p99() <= TARGET_P99_MS
                && startMs <= TARGET_WARM_START_MS;
        out.printf(Locale.ROOT, "%nTargets: Recall@3 >= %.2f (%.3f), p99 <= %.0f ms (%.2f), warm start-up <= %.0f ms "
                        + "(%.0f): %s%n", TARGET_RECALL_AT_3, quality.recallAt3(), TARGET_P99_MS, latency.p99(),
                TARGET_WARM_START_MS, startMs, ok ? "met" : "NOT met");
        return ok ? 0 : 1;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
