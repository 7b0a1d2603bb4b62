package org.coachbot.roleplay;

import java.util.List;
import java.util.Objects;

/**
 * The result of one session: 总分, one score per rubric dimension, what to improve and what went well.
 *
 * @param observations two to four points to improve, the most costly first
 * @param strengths    good moves the trainee made, one per move kind
 */
public record Scorecard(String scenarioId, Outcome outcome, int total, List<DimensionScore> dimensions,
                        List<Observation> observations, List<Strength> strengths, int turns, int hints) {
    public Scorecard {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        dimensions = List.copyOf(dimensions);
        observations = List.copyOf(observations);
        strengths = List.copyOf(strengths);
        if (total < 0 || total > 100) {
            throw new IllegalArgumentException("total must be within 0..100: " + total);
        }
    }

    /** A dimension's score, 0..100. */
    public record DimensionScore(String id, String name, int score) {
    }

    /**
     * Something to improve: a line the trainee said and its better phrasing, or (with an empty quote) a move the
     * trainee never made.
     *
     * @param section knowledge section id the advice comes from, may be empty
     */
    public record Observation(String quote, String better, String advice, String section) {
        public boolean missed() {
            return quote.isEmpty();
        }
    }

    /** A good move with the rubric's advice and the trainee's line that showed it. */
    public record Strength(MoveKind move, String advice, String quote) {
    }
}
