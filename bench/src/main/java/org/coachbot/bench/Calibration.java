package org.coachbot.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.scoring.Scorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays graded practice calls ({@code eval/calibration-*.yaml}: the agent's lines of a call and a trainer's grade
 * 1-5) through the scripted customer and the scorer, and compares the scores with the grades.
 */
public final class Calibration {
    /** Grade 5 is an excellent call; 1 and 2 are harmful and curt ones. */
    public static final int EXCELLENT = 5;
    public static final int CURT = 2;
    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

    private Calibration() {
    }

    /** One graded call: the agent's lines in order. */
    public record Transcript(String id, String scenario, int grade, String why, List<String> lines) {
    }

    /** A transcript after replay. */
    public record Replayed(Transcript transcript, Session session, Outcome outcome, Scorecard card) {
        public int score() {
            return card.total();
        }
    }

    /**
     * What the replay shows.
     *
     * @param rho            Spearman's rank correlation between grade and score
     * @param meanByGrade    mean score per grade
     * @param misordered     pairs in one scenario where the higher grade did not score higher
     * @param pairs          pairs of different grades in one scenario
     * @param excellentGap   mean score of grade 5 minus the mean of grades 1 and 2
     */
    public record Report(int calls, double rho, Map<Integer, Double> meanByGrade, int misordered, int pairs,
                         double excellentGap) {
    }

    /**
     * Pass/fail and the score bands against the grades.
     *
     * @param agreeing calls whose pass or fail at the pass mark agrees with the grade (4-5 pass, 1-3 fail)
     */
    public record Verdicts(int calls, int agreeing, double excellentHighShare, double curtAboveShare) {
        public double agreementShare() {
            return calls == 0 ? 0 : agreeing / (double) calls;
        }
    }

    /** How often the pass mark agrees with the grade, and how the excellent and the curt calls land. */
    public static Verdicts verdicts(List<Replayed> replayed, int passMark) {
        int agreeing = (int) replayed.stream()
                .filter(r -> (r.score() >= passMark) == (r.transcript().grade() >= 4)).count();
        List<Replayed> excellent = replayed.stream().filter(r -> r.transcript().grade() == EXCELLENT).toList();
        List<Replayed> curt = replayed.stream().filter(r -> r.transcript().grade() <= CURT).toList();
        double high = excellent.isEmpty() ? 0 : excellent.stream().filter(r -> r.score() >= 85).count()
                / (double) excellent.size();
        double above = curt.isEmpty() ? 0 : curt.stream().filter(r -> r.score() > 50).count() / (double) curt.size();
        return new Verdicts(replayed.size(), agreeing, high, above);
    }

    /** Reads a calibration file from the classpath, e.g. {@code eval/calibration-a.yaml}. */
    public static List<Transcript> read(String resource) {
        try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no calibration file on the classpath: " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Transcript>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Plays each transcript to the end: its lines, then {@code /end} if the call is still going. */
    public static List<Replayed> replay(ScenarioBook book, Meaning meaning, List<Transcript> transcripts) {
        Rubric rubric = book.rubric().orElseThrow(() -> new IllegalStateException("no rubric"));
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, meaning);
        Scorer scorer = new Scorer();
        List<Replayed> out = new ArrayList<>();
        for (Transcript t : transcripts) {
            Scenario scenario = book.scenario(t.scenario())
                    .orElseThrow(() -> new IllegalArgumentException(t.id() + ": no scenario " + t.scenario()));
            Session session = engine.start(scenario, 1, 1, t.id().hashCode(), START);
            Outcome outcome = Outcome.ENDED;
            for (String line : t.lines()) {
                TurnResult r = engine.play(scenario, rubric, session, line, START);
                session = r.session();
                if (r.outcome().finished()) {
                    outcome = r.outcome();
                    break;
                }
            }
            out.add(new Replayed(t, session, outcome, scorer.score(rubric, scenario, session, outcome)));
        }
        return out;
    }

    public static Report report(List<Replayed> replayed) {
        double[] grades = replayed.stream().mapToDouble(r -> r.transcript().grade()).toArray();
        double[] scores = replayed.stream().mapToDouble(Replayed::score).toArray();
        Map<Integer, Double> means = new TreeMap<>();
        for (int g = 1; g <= EXCELLENT; g++) {
            int grade = g;
            replayed.stream().filter(r -> r.transcript().grade() == grade).mapToInt(Replayed::score).average()
                    .ifPresent(m -> means.put(grade, m));
        }
        int misordered = 0;
        int pairs = 0;
        for (Replayed a : replayed) {
            for (Replayed b : replayed) {
                if (a.transcript().scenario().equals(b.transcript().scenario())
                        && a.transcript().grade() > b.transcript().grade()) {
                    pairs++;
                    if (a.score() <= b.score()) {
                        misordered++;
                    }
                }
            }
        }
        double excellent = replayed.stream().filter(r -> r.transcript().grade() == EXCELLENT)
                .mapToInt(Replayed::score).average().orElse(0);
        double low = replayed.stream().filter(r -> r.transcript().grade() <= CURT).mapToInt(Replayed::score)
                .average().orElse(0);
        return new Report(replayed.size(), spearman(grades, scores), means, misordered, pairs, excellent - low);
    }

    /** Spearman's rho: Pearson's correlation of the ranks, ties sharing their mean rank. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = Arrays.stream(rx).average().orElse(0);
        double my = Arrays.stream(ry).average().orElse(0);
        double num = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < rx.length; i++) {
            num += (rx[i] - mx) * (ry[i] - my);
            dx += (rx[i] - mx) * (rx[i] - mx);
            dy += (ry[i] - my) * (ry[i] - my);
        }
        return dx == 0 || dy == 0 ? 0 : num / Math.sqrt(dx * dy);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mean;
            }
            i = j + 1;
        }
        return ranks;
    }
}
