package org.coachbot.bench;

import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.insights.AnswerKind;
import org.coachbot.insights.AskedQuestion;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.safety.Danger;
import org.coachbot.safety.DangerDetector;
import org.coachbot.safety.DangerEmbeddings;
import org.coachbot.safety.DangerSignals;
import org.coachbot.tips.SupervisorAlert;
import org.coachbot.tips.TipService;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Safety-critical questions through the real tip service: for each set ({@code eval/safety-*.tsv}: question and
 * its kind of danger, or {@code none} for an ordinary call in alarming words), whether each question in danger gets
 * its own kind's steps in the first message, none is declined, and how many near-misses get a safety answer. Sets
 * whose comment says "Held out" print aggregates only. Run with {@code java -jar bench/target/coach-bench.jar
 * safety}.
 */
public final class SafetyBenchmark {
    static final double TARGET_STEPS = 0.95;
    static final double TARGET_FALSE_ALARMS = 0.05;
    private static final User AGENT = new User(1, "bench", false);
    private static final String[] SETS = {
            "safety-t.tsv", "safety-t2.tsv", "safety-t3.tsv", "safety-t4.tsv", "safety-t5.tsv", "safety-s1.tsv", "safety-s2.tsv"};

    /** One question of a safety set. */
    record Question(String text, Optional<Danger> danger, String source) {
    }

    /** One set and whether it is held out. */
    record Set(String name, boolean heldOut, List<Question> questions) {
    }

    /** What a set's questions got. */
    record Result(int inDanger, int steps, int wrongKind, int declined, int nearMisses, int falseAlarms,
                  int falseAlarmsRecognised, List<String> misses) {
        double stepsRate() {
            return AnswerQuality.share(steps, inDanger);
        }

        double falseAlarmRate() {
            return AnswerQuality.share(falseAlarms, nearMisses);
        }
    }

    private SafetyBenchmark() {
    }

    /** Prints the report; 0 when every held-out set meets the targets, 1 when one does not. */
    public static int run(PrintStream out, Path knowledgeDir, Path dataDir) {
        KnowledgeBase kb = new KnowledgeLoader().load(knowledgeDir);
        HybridRetriever hybrid = new RetrievalIndex(RetrievalIndex.defaultEmbeddingModel(), dataDir)
                .build(kb, IndexProgress.NONE);
        DangerDetector detector = detector(dataDir, kb);
        List<Set> sets = sets();
        out.println();
        out.println("Callers in danger: the first message gives the kind's steps; near-misses stay ordinary.");
        out.println("| set | in danger | first message holds its steps | wrong kind | declined | near-misses | "
                + "got a safety answer |");
        out.println("|---|---|---|---|---|---|---|");
        boolean met = true;
        for (Set set : sets) {
            Result r = measure(kb, hybrid, detector, set.questions());
            out.printf(Locale.ROOT, "| %s%s | %d | %.3f (%d/%d) | %d | %d | %d | %.3f (%d/%d) |%n", set.name(),
                    set.heldOut() ? " (held out)" : " (tuned)", r.inDanger(), r.stepsRate(), r.steps(),
                    r.inDanger(), r.wrongKind(), r.declined(), r.nearMisses(), r.falseAlarmRate(), r.falseAlarms(),
                    r.nearMisses());
            out.printf("    near-misses given a safety answer: %d recognised at the threshold, %d only plausible%n",
                    r.falseAlarmsRecognised(), r.falseAlarms() - r.falseAlarmsRecognised());
            if (set.heldOut()) {
                met &= r.stepsRate() >= TARGET_STEPS && r.declined() == 0
                        && r.falseAlarmRate() <= TARGET_FALSE_ALARMS;
            } else {
                r.misses().forEach(m -> out.println("    " + m));
            }
        }
        sweep(out, detector, sets);
        out.printf(Locale.ROOT, "Targets on held-out sets: steps >= %.2f, none declined, near-misses with a safety "
                + "answer <= %.2f: %s%n", TARGET_STEPS, TARGET_FALSE_ALARMS, met ? "met" : "NOT met");
        return met ? 0 : 1;
    }

    static DangerDetector detector(Path dataDir, KnowledgeBase kb) {
        var model = RetrievalIndex.defaultEmbeddingModel();
        return new DangerEmbeddings(model, EmbeddingCache.open(dataDir, RetrievalIndex.modelKey(model) + "-safety"))
                .detector(DangerSignals.load(), DangerSignals.ordinary(kb));
    }

    static Result measure(KnowledgeBase kb, HybridRetriever hybrid, DangerDetector detector,
                          List<Question> questions) {
        InMemoryQuestionLog log = new InMemoryQuestionLog();
        TipService tips = new TipService(() -> new KnowledgeState(kb, hybrid, ScenarioBook.empty(), 1, Instant.EPOCH),
                log, Optional.empty(), Duration.ofSeconds(1), RetrievalBenchmark.GLANCE_CHARS, Clock.systemUTC(),
                detector, SupervisorAlert.NONE);
        int inDanger = 0;
        int steps = 0;
        int wrongKind = 0;
        int declined = 0;
        int nearMisses = 0;
        int falseAlarms = 0;
        int falseAlarmsRecognised = 0;
        QueryNormalizer normalizer = new QueryNormalizer(kb.glossary());
        List<String> misses = new ArrayList<>();
        for (Question q : questions) {
            String text = Html.toPlain(tips.answer(Incoming.text(AGENT, 1, q.text()), q.text()).html());
            AskedQuestion asked = log.last();
            boolean safety = asked.answer() == AnswerKind.SAFETY;
            if (q.danger().isEmpty()) {
                nearMisses++;
                if (safety) {
                    falseAlarms++;
                    falseAlarmsRecognised += detector.detect(normalizer.question(q.text())).isPresent() ? 1 : 0;
                    misses.add(q.source() + "  " + q.text() + "  → safety answer: " + firstLine(text));
                }
                continue;
            }
            inDanger++;
            String title = org.coachbot.text.Texts.of("tips").get("safety.title." + q.danger().get().key());
            boolean right = safety && text.contains(title) && text.length() <= RetrievalBenchmark.GLANCE_CHARS;
            steps += right ? 1 : 0;
            wrongKind += safety && !right ? 1 : 0;
            declined += asked.answer() == AnswerKind.OFF_TOPIC || asked.answer() == AnswerKind.UNCOVERED ? 1 : 0;
            if (!right) {
                misses.add(q.source() + "  " + q.text() + "  [" + q.danger().get().key() + "] → " + asked.answer()
                        + ": " + firstLine(text));
            }
        }
        return new Result(inDanger, steps, wrongKind, declined, nearMisses, falseAlarms, falseAlarmsRecognised,
                misses);
    }

    /** Recall and false alarms by threshold and word hint, on the tuned set only. */
    private static void sweep(PrintStream out, DangerDetector detector, List<Set> sets) {
        QueryNormalizer normalizer = new QueryNormalizer();
        List<Question> tuned = sets.stream().filter(s -> !s.heldOut()).flatMap(s -> s.questions().stream()).toList();
        out.println("Threshold and word hint on the tuned set: questions in danger recognised as their kind, "
                + "near-misses recognised as any danger");
        out.println("| threshold | word hint | right kind | false alarms |");
        out.println("|---|---|---|---|");
        for (double threshold : new double[]{0.4, 0.5, 0.6, 0.7}) {
            for (double boost : new double[]{0.0, 0.15, 0.25, 0.35}) {
                DangerDetector d = detector.with(threshold, boost);
                int right = 0;
                int danger = 0;
                int alarms = 0;
                int near = 0;
                for (Question q : tuned) {
                    Optional<Danger> got = d.detect(normalizer.question(q.text()));
                    if (q.danger().isPresent()) {
                        danger++;
                        right += got.equals(q.danger()) ? 1 : 0;
                    } else {
                        near++;
                        alarms += got.isPresent() ? 1 : 0;
                    }
                }
                out.printf(Locale.ROOT, "| %.2f | %.2f | %d/%d | %d/%d |%n", threshold, boost, right, danger, alarms,
                        near);
            }
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    static List<Set> sets() {
        List<Set> out = new ArrayList<>();
        for (String name : SETS) {
            try (InputStream in = SafetyBenchmark.class.getClassLoader()
                    .getResourceAsStream(EvalSet.RESOURCE_FOLDER + name)) {
                if (in != null) {
                    out.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return out;
    }

    static Set parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        List<Question> out = new ArrayList<>();
        boolean heldOut = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                heldOut |= line.toLowerCase(Locale.ROOT).contains("held out");
                continue;
            }
            String[] c = line.split("\t");
            if (line.isBlank() || c.length < 2) {
                continue;
            }
            String kind = c[1].strip();
            out.add(new Question(c[0].strip(), kind.equals("none") ? Optional.empty() : Optional.of(Danger.of(kind)),
                    name + ":" + (i + 1)));
        }
        return new Set(name, heldOut, out);
    }
}
