package org.coachbot.bench;

import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.SectionSentences;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.tips.TipService;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Answers questions read from standard input, one per line, as an agent would see the first message, with how the
 * retriever judged each: a tool for curators checking a question by hand. Run with {@code java -cp
 * bench/target/coach-bench.jar org.coachbot.bench.Ask [-v]}; {@code -v} adds the closeness of each sentence of the
 * first section.
 */
public final class Ask {
    private Ask() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path knowledge = Path.of(System.getenv().getOrDefault("KNOWLEDGE_DIR", "knowledge"));
        Path data = Path.of(System.getenv().getOrDefault("DATA_DIR", "data"));
        KnowledgeBase kb = new KnowledgeLoader().load(knowledge);
        HybridRetriever hybrid = new RetrievalIndex(RetrievalIndex.defaultEmbeddingModel(), data)
                .build(kb, IndexProgress.NONE);
        InMemoryQuestionLog log = new InMemoryQuestionLog();
        var detector = SafetyBenchmark.detector(data, kb);
        TipService tips = new TipService(() -> new org.coachbot.library.KnowledgeState(kb, hybrid,
                org.coachbot.roleplay.scenario.ScenarioBook.empty(), 1, java.time.Instant.EPOCH), log,
                java.util.Optional.empty(), java.time.Duration.ofSeconds(1), RetrievalBenchmark.GLANCE_CHARS,
                java.time.Clock.systemUTC(), detector, org.coachbot.tips.SupervisorAlert.NONE);
        User agent = new User(1, "curator", false);
        boolean verbose = args.length > 0 && args[0].equals("-v");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String q = in.readLine(); q != null; q = in.readLine()) {
            if (q.isBlank()) {
                continue;
            }
            String text = Html.toPlain(tips.answer(Incoming.text(agent, 1, q), q).html());
            var r = hybrid.retrieve(q, 4);
            out.printf("Q: %s%n   %s %s%n%s%n", q, r.coverage(), r.hits().stream()
                    .map(h -> h.section().id() + String.format(" %.3f", h.score())).toList(), text);
            if (verbose) {
                out.println("   danger: " + detector.judge(new org.coachbot.retrieval.QueryNormalizer().question(q)));
            }
            if (verbose && !r.hits().isEmpty()) {
                var first = r.hits().get(0).section();
                double[] cosines = r.sentences().of(first);
                var sentences = SectionSentences.of(first);
                for (int i = 0; i < sentences.size() && i < cosines.length; i++) {
                    out.printf("   %.3f %s%n", cosines[i], sentences.get(i).text());
                }
            }
            out.println();
        }
    }
}
