package org.coachbot.bench;


import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall of move recognition on {@code eval/moves.tsv}: agent lines labelled with the moves they
 * carry, written in natural phrasing rather than the rubric's own words.
 */
public final class MoveQuality {
    private MoveQuality() {
    }

    /** A labelled line. */
    public record Labelled(String line, Set<MoveKind> moves) {
    }

    /** Counts for one move kind. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }
    }

    public static List<Labelled> read(String resource) {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = MoveQuality.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled moves on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                if (row.isBlank()) {
                    continue;
                }
                String[] cols = row.split("\t", -1);
                Set<MoveKind> moves = EnumSet.noneOf(MoveKind.class);
                for (String key : (cols.length > 1 ? cols[1] : "").split(",")) {
                    MoveKind.parse(key.strip()).ifPresent(moves::add);
                }
                out.add(new Labelled(cols[0], moves));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Counts per move kind for the rubric with this meaning; greetings are judged as a first line. */
    public static Map<MoveKind, Counts> measure(Rubric rubric, Meaning meaning, List<Labelled> lines) {
        MoveDetector detector = new MoveDetector(rubric, meaning);
        Map<MoveKind, Counts> out = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            out.put(k, new Counts(0, 0, 0));
        }
        for (Labelled l : lines) {
            Set<MoveKind> found = EnumSet.noneOf(MoveKind.class);
            for (DetectedMove m : detector.detect(l.line(), 1)) {
                found.add(m.kind());
            }
            for (MoveKind k : MoveKind.values()) {
                boolean truth = l.moves().contains(k);
                boolean said = found.contains(k);
                out.merge(k, new Counts(truth && said ? 1 : 0, !truth && said ? 1 : 0, truth && !said ? 1 : 0),
                        Counts::plus);
            }
        }
        return out;
    }

    /** Micro-averaged counts over every move kind. */
    public static Counts overall(Map<MoveKind, Counts> perMove) {
        return perMove.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    /** The rubric with other move thresholds, for a sweep. */
    public static Rubric withThresholds(Rubric rubric, double good, double bad) {
        Rubric.Thresholds t = rubric.thresholds();
        return new Rubric(rubric.dimensions(), rubric.detectors(), rubric.neutral(), rubric.language(),
                new Rubric.Thresholds(good, bad, t.facts(), t.remedy()), rubric.scoring());
    }

    /** Counts over the move kinds of one polarity. */
    public static Counts overall(Map<MoveKind, Counts> perMove, boolean bad) {
        return perMove.entrySet().stream().filter(e -> e.getKey().bad() == bad).map(Map.Entry::getValue)
                .reduce(new Counts(0, 0, 0), Counts::plus);
    }
}
