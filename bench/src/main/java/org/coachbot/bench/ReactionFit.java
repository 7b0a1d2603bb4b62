package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Reaction;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether the customer's replies fit what the trainee said. Each row of a set names a scenario, the trainee's
 * earlier lines, a line, and the reactions that line calls for; the row is played through the real engine with the
 * scripted customer (earlier lines first, then the line) and the reaction the reply carries is compared with them.
 * Files are UTF-8 TSV with the header {@code scenario<TAB>setup<TAB>line<TAB>expect}: setup is {@code -} or the
 * earlier lines separated by {@code " || "}; expect is one or more of {@code fact:<id>}, {@code dont_know},
 * {@code acknowledge}, {@code pushback}, {@code close}, separated by {@code |}. Blank lines and lines starting with
 * {@code #} are skipped.
 */
public final class ReactionFit {
    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");
    private static final String FACT = "fact:";
    private static final Set<String> KINDS = Set.of("dont_know", "acknowledge", "pushback", "close");

    private ReactionFit() {
    }

    /** One row: a line in a scenario after some earlier lines, and the reactions that fit it. */
    public record Row(String source, String scenario, List<String> setup, String line, Set<String> expect) {
        public Row {
            setup = List.copyOf(setup);
            expect = Set.copyOf(expect);
        }

        /** The facts the row expects, by id. */
        Set<String> facts() {
            Set<String> out = new HashSet<>();
            expect.stream().filter(e -> e.startsWith(FACT)).forEach(e -> out.add(e.substring(FACT.length())));
            return out;
        }

        /** The kind of reaction the row is counted under: a fact when one is expected, else its first label. */
        String kind() {
            if (!facts().isEmpty()) {
                return "fact";
            }
            return List.of("dont_know", "close", "pushback", "acknowledge").stream().filter(expect::contains)
                    .findFirst().orElse("?");
        }
    }

    /** A row played: the customer's reply, its reaction, the time of each turn and repeated customer lines. */
    public record Played(Row row, String reply, Reaction reaction, boolean ended, double[] turnMs, int repeated,
                         int customerLines) {
        /** Every reaction the reply carries is one the row expects. */
        public boolean fits() {
            return !ended && row.expect().containsAll(reaction.labels());
        }

        /**
         * The kind of reaction the reply gave, as counted among misses: {@code fact} (a wrong or extra fact when a
         * fact was expected), a kind's key, or {@code ended} when the call ended before the line.
         */
        String given() {
            return ended ? "ended" : reaction.kind().key();
        }

        /** A row expecting facts got an answer with facts, each one expected. */
        public boolean answeredWithTheFact() {
            return !ended && reaction.kind() == Reaction.Kind.FACT && row.facts().containsAll(reaction.facts());
        }
    }

    /** Figures over a set; no individual line, so they may be printed for held-out sets. */
    public record Report(int rows, int fit, int factRows, int factAnswered, int dontKnowRows, int dontKnowFit,
                         int repeated, int customerLines, double p50, double p99, int unknownFacts,
                         Map<String, int[]> byKind, Map<String, Map<String, Integer>> missesByKind) {
        double notFitting() {
            return rows == 0 ? 0 : 1 - fit / (double) rows;
        }

        double factShare() {
            return factRows == 0 ? 1 : factAnswered / (double) factRows;
        }
    }

    /** Reads a set from the classpath; empty when the resource is absent (a held-out set not committed yet). */
    public static List<Row> read(String resource) {
        try (InputStream in = ReactionFit.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** True when the set is on the classpath. */
    public static boolean present(String resource) {
        return ReactionFit.class.getClassLoader().getResource(resource) != null;
    }

    /** Parses one file's text; a malformed line is reported as {@code name:line}. */
    public static List<Row> parse(String name, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String[] cols = raw.split("\t");
            if (cols.length < 4 || cols[0].isBlank() || cols[2].isBlank() || cols[3].isBlank()) {
                throw new KnowledgeFormatException(name, i + 1,
                        "expected scenario<TAB>setup<TAB>line<TAB>expect, got: " + raw);
            }
            String setup = cols[1].strip();
            List<String> earlier = setup.isEmpty() || setup.equals("-") ? List.of()
                    : Arrays.stream(setup.split("\\s*\\|\\|\\s*")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList();
            Set<String> expect = new LinkedHashSet<>();
            for (String label : cols[3].split("\\|")) {
                String l = label.strip();
                if (!KINDS.contains(l) && !(l.startsWith(FACT) && l.length() > FACT.length())) {
                    throw new KnowledgeFormatException(name, i + 1, "unknown reaction \"" + l
                            + "\": expected fact:<id>, dont_know, acknowledge, pushback or close");
                }
                expect.add(l);
            }
            out.add(new Row(name + ":" + (i + 1), cols[0].strip(), earlier, cols[2].strip(), expect));
        }
        return out;
    }

    /** Plays every row whose scenario exists; the seed comes from the row, so a run is repeatable. */
    public static List<Played> play(ScenarioBook book, Meaning meaning, List<Row> rows) {
        Rubric rubric = book.rubric().orElseThrow();
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, meaning);
        List<Played> out = new ArrayList<>();
        for (Row row : rows) {
            Scenario s = book.scenario(row.scenario()).orElse(null);
            if (s == null) {
                continue;
            }
            Session session = engine.start(s, 1, 1, (row.scenario() + row.line()).hashCode(), START);
            List<String> lines = new ArrayList<>(row.setup());
            lines.add(row.line());
            double[] ms = new double[lines.size()];
            TurnResult last = null;
            boolean ended = false;
            int played = 0;
            for (String line : lines) {
                long start = System.nanoTime();
                last = engine.play(s, rubric, session, line, START);
                ms[played++] = (System.nanoTime() - start) / 1e6;
                session = last.session();
                if (last.outcome().finished() && played < lines.size()) {
                    ended = true; // the call ended before the line could be said
                    break;
                }
            }
            int[] repeats = Realism.repeats(session);
            out.add(new Played(row, last.customerLine(), last.reaction(), ended, Arrays.copyOf(ms, played),
                    repeats[0], repeats[1]));
        }
        return out;
    }

    /** The figures of played rows. */
    public static Report report(ScenarioBook book, List<Played> played) {
        int fit = 0;
        int factRows = 0;
        int factAnswered = 0;
        int dontKnowRows = 0;
        int dontKnowFit = 0;
        int repeated = 0;
        int customerLines = 0;
        int unknownFacts = 0;
        Map<String, int[]> byKind = new TreeMap<>();
        Map<String, Map<String, Integer>> misses = new TreeMap<>();
        List<Double> ms = new ArrayList<>();
        for (Played p : played) {
            fit += p.fits() ? 1 : 0;
            if (!p.row().facts().isEmpty()) {
                factRows++;
                factAnswered += p.answeredWithTheFact() ? 1 : 0;
                Set<String> known = new HashSet<>();
                book.scenario(p.row().scenario()).ifPresent(s -> s.facts().stream().map(Fact::id)
                        .forEach(known::add));
                unknownFacts += known.containsAll(p.row().facts()) ? 0 : 1;
            }
            if (p.row().expect().contains("dont_know")) {
                dontKnowRows++;
                dontKnowFit += p.fits() ? 1 : 0;
            }
            int[] k = byKind.computeIfAbsent(p.row().kind(), x -> new int[2]);
            k[0] += p.fits() ? 1 : 0;
            k[1]++;
            if (!p.fits()) {
                misses.computeIfAbsent(p.row().kind(), x -> new TreeMap<>()).merge(p.given(), 1, Integer::sum);
            }
            repeated += p.repeated();
            customerLines += p.customerLines();
            for (double t : p.turnMs()) {
                ms.add(t);
            }
        }
        double[] times = ms.stream().mapToDouble(Double::doubleValue).toArray();
        return new Report(played.size(), fit, factRows, factAnswered, dontKnowRows, dontKnowFit, repeated,
                customerLines, times.length == 0 ? 0 : RolePlayBenchmark.percentile(times, 50),
                times.length == 0 ? 0 : RolePlayBenchmark.percentile(times, 99), unknownFacts, byKind, misses);
    }
}
