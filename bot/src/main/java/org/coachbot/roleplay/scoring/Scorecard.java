package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.scenario.MoveKind;

import java.util.List;
import java.util.Objects;

/**
 * The result of one session: 总分, one score per rubric dimension, the remedy checklist, what to improve and what
 * went well.
 *
 * @param resolved     the customer ended satisfied with the real remedy
 * @param beats        each remedy beat of the scenario and whether the trainee offered it
 * @param observations points to improve, the most costly first; each trainee line is quoted at most once
 * @param strengths    lines that showed good moves, each line once
 */
public record Scorecard(String scenarioId, Outcome outcome, int total, boolean resolved,
                        List<DimensionScore> dimensions, List<Beat> beats, List<Observation> observations,
                        List<Strength> strengths, int turns, int hints) {
    public Scorecard {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        dimensions = List.copyOf(dimensions);
        beats = List.copyOf(beats);
        observations = List.copyOf(observations);
        strengths = List.copyOf(strengths);
        if (total < 0 || total > 100) {
            throw new IllegalArgumentException("total must be within 0..100: " + total);
        }
    }

    /** A dimension's score, 0..100. */
    public record DimensionScore(String id, String name, int score) {
    }

    /** One step of the real remedy and whether the trainee offered it. */
    public record Beat(String label, boolean done) {
    }

    /**
     * Something to improve: a line the trainee said and its better phrasing, or (with an empty quote) a move the
     * trainee never made.
     *
     * @param dimension the name of the dimension the observation speaks to
     * @param section   knowledge section id the advice comes from, may be empty
     */
    public record Observation(String dimension, String quote, String better, String advice, String section) {
        public boolean missed() {
            return quote.isEmpty();
        }
    }

    /** A line the trainee said and the good moves it showed, with the rubric's advice for the first of them. */
    public record Strength(List<MoveKind> moves, String advice, String quote) {
        public Strength {
            moves = List.copyOf(moves);
        }
    }
}
