package org.coachbot.roleplay.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session is heard and scored: the dimensions, the detectors that move them, and the outcome rules.
 *
 * @param neutral lines an agent says that make no move ("稍等,我看一下"); with the detectors' examples they teach the
 *                move classifier what is not a move
 */
public record Rubric(List<Dimension> dimensions, List<Detector> detectors, List<String> neutral, Language language,
                     Thresholds thresholds, Scoring scoring) {
    /** The dimension ids every rubric must define (the radar chart and the history rely on them). */
    public static final List<String> REQUIRED_DIMENSIONS =
            List.of("courtesy", "empathy", "positive_language", "resolution", "questioning", "ownership");

    /**
     * What a clause needs to count by meaning, measured on the benchmark's labelled lines and fact questions.
     *
     * @param moves    the move classifier's probability for a good move
     * @param badMoves the probability for a bad move: higher, as a false offence wrongs the trainee
     * @param facts    cosine to a fact's example questions
     * @param remedy   cosine to a remedy beat's examples
     */
    public record Thresholds(double moves, double badMoves, double facts, double remedy) {
        public Thresholds {
            for (double t : new double[]{moves, badMoves, facts, remedy}) {
                if (!(t > 0 && t <= 1)) {
                    throw new IllegalArgumentException("thresholds must be within (0, 1]: " + t);
                }
            }
        }
    }

    /**
     * How the outcome weighs on the score.
     *
     * @param remedyPoints   resolution points shared by the scenario's remedy beats
     * @param resolvedPoints resolution points for a customer who ended satisfied
     * @param lostCap        highest total when the customer hung up or gave up
     * @param unresolvedCap  highest total of a call that never satisfied the customer and offered no remedy beat
     * @param remedyCap      what the remedy beats offered add to that cap, in proportion: a call that offered the
     *                       whole remedy but left the customer unhappy can score higher than one that offered none
     * @param badLinePenalty points off the total for each line that carried a bad move
     * @param tonePoints     points off 积极语言 for each such line: whatever the offence, it was not positive language
     * @param coldCap        highest total of a call none of whose lines carried a good move: curt, mechanical
     *                       answers are not service even when nothing rude was said
     * @param warmShare      share of lines with a good move from which the cap no longer binds
     * @param coldAdvice     what the scorecard tells a trainee whose call the cap held down
     * @param coldSection    knowledge section id that advice comes from
     * @param breachCap      highest total of a call that breached policy (a {@link Detector#breach()} move): it fails
     */
    public record Scoring(int remedyPoints, int resolvedPoints, int lostCap, int unresolvedCap, int remedyCap,
                          int badLinePenalty, int tonePoints, int coldCap, double warmShare, String coldAdvice, String coldSection,
                          int breachCap) {
        public Scoring {
            for (int v : new int[]{remedyPoints, resolvedPoints, lostCap, unresolvedCap, remedyCap,
                    badLinePenalty, tonePoints, coldCap, breachCap}) {
                if (v < 0 || v > 100) {
                    throw new IllegalArgumentException("scoring values must be within 0..100: " + v);
                }
            }
            if (!(warmShare > 0 && warmShare <= 1)) {
                throw new IllegalArgumentException("warmShare must be within (0, 1]: " + warmShare);
            }
            Objects.requireNonNull(coldAdvice, "coldAdvice must not be null");
            Objects.requireNonNull(coldSection, "coldSection must not be null");
        }

        /**
         * The highest total a call can reach when {@code warm} of its lines carried a good move: {@code coldCap}
         * when none did, rising to 100 once {@code warmShare} of them did.
         */
        public int warmthCap(double warm) {
            return (int) Math.round(coldCap + (100 - coldCap) * Math.min(1, warm / warmShare));
        }
    }

    public Rubric {
        dimensions = List.copyOf(dimensions);
        detectors = List.copyOf(detectors);
        neutral = List.copyOf(neutral);
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(thresholds, "thresholds must not be null");
        Objects.requireNonNull(scoring, "scoring must not be null");
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one dimension");
        }
    }

    public Optional<Detector> detector(String id) {
        return detectors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The detector credited when a line promises what the scenario's fact sheet rules out. */
    public Optional<Detector> breachDetector() {
        return detectors.stream().filter(d -> d.breach() && d.move() == MoveKind.OVER_PROMISE).findFirst()
                .or(() -> detectorsFor(MoveKind.OVER_PROMISE).stream().findFirst());
    }

    /** Detectors of a move, in file order: the advice of the good ones tells the trainee what to say. */
    public List<Detector> detectorsFor(MoveKind move) {
        return detectors.stream().filter(d -> d.move() == move).toList();
    }

    public Optional<Dimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
