package org.coachbot.roleplay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a session against the rubric: each dimension starts at its baseline, each detector adds (good) or
 * subtracts (bad) its points once per matching line up to {@code max_hits}, and the result is clamped to 0..100;
 * 总分 is the weighted average. Depends only on the detected moves, so it is deterministic.
 */
public final class Scorer {
    static final int MIN_OBSERVATIONS = 2;
    static final int MAX_OBSERVATIONS = 4;
    static final int MAX_STRENGTHS = 5;

    /** Scores the session as it stands, ending with {@code outcome}. */
    public Scorecard score(Rubric rubric, Scenario scenario, Session session, Outcome outcome) {
        Map<String, List<DetectedMove>> hits = new LinkedHashMap<>();
        session.moves().forEach(m -> hits.computeIfAbsent(m.detector(), k -> new ArrayList<>()).add(m));
        Map<String, Integer> points = new HashMap<>();
        List<Mistake> mistakes = new ArrayList<>();
        for (Detector d : rubric.detectors()) {
            List<DetectedMove> found = hits.getOrDefault(d.id(), List.of());
            long lines = found.stream().mapToInt(DetectedMove::turn).distinct().count();
            int counted = (int) Math.min(lines, d.maxHits());
            if (counted == 0) {
                continue;
            }
            int delta = d.points() * counted;
            points.merge(d.dimension(), d.move().bad() ? -delta : delta, Integer::sum);
            if (d.move().bad()) {
                mistakes.add(new Mistake(d, found.get(0), delta));
            }
        }
        List<Scorecard.DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Dimension dim : rubric.dimensions()) {
            int score = Math.max(0, Math.min(100, dim.baseline() + points.getOrDefault(dim.id(), 0)));
            dimensions.add(new Scorecard.DimensionScore(dim.id(), dim.name(), score));
            weighted += dim.weight() * score;
            weights += dim.weight();
        }
        int total = (int) Math.round(weighted / weights);
        return new Scorecard(scenario.id(), outcome, total, dimensions, observations(rubric, scenario, session,
                mistakes), strengths(rubric, session), session.traineeTurns(), session.hints());
    }

    private record Mistake(Detector detector, DetectedMove first, int cost) {
    }

    /** The costliest mistakes; when there are fewer than two, the most important moves never made. */
    private static List<Scorecard.Observation> observations(Rubric rubric, Scenario scenario, Session session,
                                                            List<Mistake> mistakes) {
        List<Scorecard.Observation> out = new ArrayList<>();
        mistakes.stream()
                .sorted(Comparator.comparingInt((Mistake m) -> -m.cost()).thenComparingInt(m -> m.first().turn()))
                .limit(MAX_OBSERVATIONS)
                .forEach(m -> out.add(new Scorecard.Observation(m.first().quote(), m.detector().better(),
                        m.detector().advice(), m.detector().section())));
        Set<MoveKind> named = EnumSet.noneOf(MoveKind.class);
        rubric.detectors().stream()
                .filter(d -> !d.move().bad() && !session.happened(d.move()))
                .sorted(Comparator.comparing((Detector d) -> !scenario.resolvedWhen().contains(d.move()))
                        .thenComparingInt(d -> -d.points()))
                .filter(d -> named.add(d.move()))
                .limit(Math.max(0, MIN_OBSERVATIONS - out.size()))
                .forEach(d -> out.add(new Scorecard.Observation("", "", d.advice(), d.section())));
        return out;
    }

    /** One strength per good move kind, in the order the trainee made them. */
    private static List<Scorecard.Strength> strengths(Rubric rubric, Session session) {
        List<Scorecard.Strength> out = new ArrayList<>();
        Set<MoveKind> seen = EnumSet.noneOf(MoveKind.class);
        for (DetectedMove m : session.moves()) {
            if (m.polarity() == Polarity.GOOD && out.size() < MAX_STRENGTHS && seen.add(m.kind())) {
                rubric.detector(m.detector())
                        .ifPresent(d -> out.add(new Scorecard.Strength(m.kind(), d.advice(), m.quote())));
            }
        }
        return out;
    }
}
