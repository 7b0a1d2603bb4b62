package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a session against the rubric. Each dimension starts at its baseline; each detector adds (good) or subtracts
 * (bad) its points once per line up to {@code max_hits}; the remedy beats offered and a satisfied customer add to
 * resolution. 总分 is the weighted average capped by the outcome (a lost customer at {@code lost_cap}, an
 * unresolved call at {@code unresolved_cap}), less a penalty per offending line. Courtesy in a line that also
 * offends earns nothing ("你好,安装的事不归我管" is no good opening), and closing counts only once the customer was
 * satisfied, so a trainee is never marked down for a close they had no chance to make. A call whose lines carry
 * almost no good move is curt even when nothing in it was rude: {@code cold_cap} holds it down.
 */
public final class Scorer {
    static final int MIN_OBSERVATIONS = 2;
    static final int MAX_OBSERVATIONS = 5;
    static final int MAX_STRENGTHS = 5;
    /** Courtesy moves that an offence in the same line cancels. */
    private static final Set<MoveKind> COURTESY = EnumSet.of(MoveKind.GREETING, MoveKind.SELF_INTRO,
            MoveKind.THANKS, MoveKind.CLOSING);

    /** Scores the session as it stands, ending with {@code outcome}. */
    public Scorecard score(Rubric rubric, Scenario scenario, Session session, Outcome outcome) {
        Map<Integer, List<DetectedMove>> byTurn = new LinkedHashMap<>();
        session.moves().forEach(m -> byTurn.computeIfAbsent(m.turn(), k -> new ArrayList<>()).add(m));
        Set<Integer> offending = new java.util.TreeSet<>();
        byTurn.forEach((turn, moves) -> {
            if (moves.stream().anyMatch(m -> m.kind().bad())) {
                offending.add(turn);
            }
        });
        int satisfiedAt = session.call().satisfiedAt();
        List<DetectedMove> counted = session.moves().stream()
                .filter(m -> m.kind().bad() || !(offending.contains(m.turn()) && COURTESY.contains(m.kind())))
                .filter(m -> m.kind() != MoveKind.CLOSING || (satisfiedAt > 0 && m.turn() > satisfiedAt))
                .toList();
        Map<String, Integer> points = points(rubric, counted);
        boolean resolved = session.call().satisfied();
        List<Scorecard.Beat> beats = scenario.remedy().stream()
                .map(b -> new Scorecard.Beat(b.label(), session.call().beats().contains(b.id()))).toList();
        long done = beats.stream().filter(Scorecard.Beat::done).count();
        Rubric.Scoring scoring = rubric.scoring();
        int remedy = (int) Math.round(scoring.remedyPoints() * (double) done / beats.size())
                + (resolved ? scoring.resolvedPoints() : 0);
        points.merge("resolution", remedy, Integer::sum);
        List<Scorecard.DimensionScore> dimensions = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Dimension dim : rubric.dimensions()) {
            int score = clamp(dim.baseline() + points.getOrDefault(dim.id(), 0));
            dimensions.add(new Scorecard.DimensionScore(dim.id(), dim.name(), score));
            weighted += dim.weight() * score;
            weights += dim.weight();
        }
        int total = (int) Math.round(weighted / weights);
        if (outcome == Outcome.FAILURE || outcome == Outcome.GAVE_UP) {
            total = Math.min(total, scoring.lostCap());
        }
        if (!resolved) {
            total = Math.min(total, scoring.unresolvedCap()
                    + (int) Math.round(scoring.remedyCap() * (double) done / beats.size()));
        }
        long warmLines = counted.stream().filter(m -> !m.kind().bad() && !offending.contains(m.turn()))
                .mapToInt(DetectedMove::turn).distinct().count();
        int warmthCap = scoring.warmthCap(session.traineeTurns() == 0 ? 0
                : warmLines / (double) session.traineeTurns());
        boolean cold = warmthCap < total;
        // Taken off after the caps, so a lost call with four insults still scores below a lost call with one.
        total = Math.min(total, warmthCap) - scoring.badLinePenalty() * offending.size();
        Observations notes = new Observations(rubric, session, counted, resolved && satisfiedAt > 0, cold);
        return new Scorecard(scenario.id(), outcome, clamp(total), resolved, dimensions, beats, notes.toImprove(),
                notes.strengths(offending), session.traineeTurns(), session.hints());
    }

    /** Detector points per dimension: each detector once per line, up to its {@code max_hits} lines. */
    private static Map<String, Integer> points(Rubric rubric, List<DetectedMove> counted) {
        Map<String, Integer> points = new HashMap<>();
        for (Detector d : rubric.detectors()) {
            long lines = counted.stream().filter(m -> m.detector().equals(d.id())).mapToInt(DetectedMove::turn)
                    .distinct().count();
            int delta = d.points() * (int) Math.min(lines, d.maxHits());
            if (delta > 0) {
                points.merge(d.dimension(), d.move().bad() ? -delta : delta, Integer::sum);
            }
        }
        return points;
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(100, score));
    }

    /** The text half of the scorecard: mistakes quoted once each, moves never made, lines that went well. */
    private static final class Observations {
        /** Good moves a call needs, in the order the debrief names them when missing. */
        private static final List<List<MoveKind>> ESSENTIAL = List.of(List.of(MoveKind.EMPATHY, MoveKind.APOLOGY),
                List.of(MoveKind.GOOD_QUESTION, MoveKind.OPEN_QUESTION), List.of(MoveKind.PROMISE),
                List.of(MoveKind.GREETING));
        private final Rubric rubric;
        private final Session session;
        private final List<DetectedMove> counted;
        private final boolean closeExpected;
        /** The call was held down for want of any warmth: said first among what was missing. */
        private final boolean cold;

        Observations(Rubric rubric, Session session, List<DetectedMove> counted, boolean closeExpected,
                     boolean cold) {
            this.rubric = rubric;
            this.session = session;
            this.counted = counted;
            this.closeExpected = closeExpected;
            this.cold = cold;
        }

        List<Scorecard.Observation> toImprove() {
            List<Scorecard.Observation> out = new ArrayList<>();
            Map<Integer, Detector> worst = new LinkedHashMap<>();
            Map<Integer, String> quotes = new HashMap<>();
            for (DetectedMove m : session.moves()) {
                if (!m.kind().bad()) {
                    continue;
                }
                rubric.detector(m.detector()).ifPresent(d -> {
                    quotes.putIfAbsent(m.turn(), m.quote());
                    worst.merge(m.turn(), d, (a, b) -> b.points() > a.points() ? b : a);
                });
            }
            worst.entrySet().stream()
                    .sorted(Comparator.comparingInt((Map.Entry<Integer, Detector> e) -> -e.getValue().points())
                            .thenComparingInt(Map.Entry::getKey))
                    .limit(MAX_OBSERVATIONS)
                    .forEach(e -> out.add(new Scorecard.Observation(dimensionName(e.getValue()),
                            quotes.get(e.getKey()), e.getValue().better(), e.getValue().advice(),
                            e.getValue().section())));
            if (cold && out.size() < MAX_OBSERVATIONS) {
                Rubric.Scoring scoring = rubric.scoring();
                String courtesy = rubric.dimension("courtesy").map(Dimension::name).orElse("courtesy");
                out.add(new Scorecard.Observation(courtesy, "", "", scoring.coldAdvice(), scoring.coldSection()));
            }
            List<List<MoveKind>> needed = new ArrayList<>(ESSENTIAL);
            if (closeExpected) {
                needed.add(1, List.of(MoveKind.CLOSING));
            }
            for (List<MoveKind> any : needed) {
                if (out.size() >= MAX_OBSERVATIONS || (out.size() >= MIN_OBSERVATIONS && any.size() == 1
                        && any.get(0) == MoveKind.GREETING)) {
                    break;
                }
                if (counted.stream().noneMatch(m -> any.contains(m.kind()))) {
                    rubric.detectorsFor(any.get(0)).stream().findFirst().ifPresent(d -> out.add(
                            new Scorecard.Observation(dimensionName(d), "", "", d.advice(), d.section())));
                }
            }
            return out;
        }

        /** One entry per line that showed good moves without offending, each move kind praised once. */
        List<Scorecard.Strength> strengths(Set<Integer> offending) {
            List<Scorecard.Strength> out = new ArrayList<>();
            Set<MoveKind> praised = EnumSet.noneOf(MoveKind.class);
            Map<Integer, List<DetectedMove>> byTurn = new LinkedHashMap<>();
            counted.stream().filter(m -> !m.kind().bad() && !offending.contains(m.turn()))
                    .forEach(m -> byTurn.computeIfAbsent(m.turn(), k -> new ArrayList<>()).add(m));
            for (List<DetectedMove> line : byTurn.values()) {
                List<MoveKind> fresh = line.stream().map(DetectedMove::kind).distinct().filter(praised::add)
                        .toList();
                if (fresh.isEmpty() || out.size() >= MAX_STRENGTHS) {
                    continue;
                }
                String advice = rubric.detectorsFor(fresh.get(0)).stream().findFirst().map(Detector::advice)
                        .orElse("");
                out.add(new Scorecard.Strength(fresh, advice, line.get(0).quote()));
            }
            return out;
        }

        private String dimensionName(Detector d) {
            return rubric.dimension(d.dimension()).map(Dimension::name).orElse(d.dimension());
        }
    }
}
