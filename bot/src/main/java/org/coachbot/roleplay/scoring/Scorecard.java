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
 * @param adjustments  the caps that held the total down and the points taken off it, so the card can say why the
 *                     total is lower than the dimensions
 * @param average      the dimensions' weighted average, before those caps and deductions
 */
public record Scorecard(String scenarioId, Outcome outcome, int total, boolean resolved,
                        List<DimensionScore> dimensions, List<Beat> beats, List<Observation> observations,
                        List<Strength> strengths, int turns, int hints, List<Adjustment> adjustments,
                        int average) {
    public Scorecard {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        dimensions = List.copyOf(dimensions);
        beats = List.copyOf(beats);
        observations = List.copyOf(observations);
        strengths = List.copyOf(strengths);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        if (total < 0 || total > 100) {
            throw new IllegalArgumentException("total must be within 0..100: " + total);
        }
    }

    /** A card without adjustments, e.g. one read back from the history. */
    public Scorecard(String scenarioId, Outcome outcome, int total, boolean resolved, List<DimensionScore> dimensions,
                     List<Beat> beats, List<Observation> observations, List<Strength> strengths, int turns,
                     int hints) {
        this(scenarioId, outcome, total, resolved, dimensions, beats, observations, strengths, turns, hints,
                List.of(), total);
    }

    /** True when a line broke company policy: the call fails whatever its total would have been. */
    public boolean breached() {
        return adjustments.stream().anyMatch(a -> a.kind() == Adjustment.Kind.BREACH);
    }

    /**
     * A dimension's score, 0..100, and the lines it came from.
     *
     * @param reasons the lines that moved it from its baseline, the largest change first
     */
    public record DimensionScore(String id, String name, int score, List<Reason> reasons) {
        public DimensionScore {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A score with no lines to explain it. */
        public DimensionScore(String id, String name, int score) {
            this(id, name, score, List.of());
        }
    }

    /**
     * What moved a dimension: a trainee line and its points, or (with an empty quote) the remedy beats offered and
     * the customer's satisfaction.
     */
    public record Reason(String quote, int points) {
        public Reason {
            Objects.requireNonNull(quote, "quote must not be null");
        }
    }

    /**
     * A cap that held the total down, or points taken off it.
     *
     * @param points the cap, or the points taken off
     * @param lines  the lines it concerns (offending lines), 0 for an outcome cap
     * @param quote  the line that breached policy, empty otherwise
     */
    public record Adjustment(Kind kind, int points, int lines, String quote) {
        /** Why the total is lower than the dimensions' average. */
        public enum Kind { BREACH, LOST, UNRESOLVED, COLD, OFFENCES }

        public Adjustment {
            Objects.requireNonNull(kind, "kind must not be null");
            quote = quote == null ? "" : quote;
        }
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
     * @param kind      what the observation is about; a card read back from before kinds were kept gets
     *                  {@link Kind#MISSED} or {@link Kind#OFFENCE} from its quote
     */
    public record Observation(String dimension, String quote, String better, String advice, String section,
                              Kind kind) {
        /** What an observation is about. */
        public enum Kind {
            /** A line that carried an offence. */
            OFFENCE,
            /** A move never made; the quote is empty. */
            MISSED,
            /** A line that stated a fact neither the fact sheet nor the customer gave. */
            INVENTED_FACT,
            /** A line that went past the customer's objection or question. */
            IGNORED_OBJECTION
        }

        public Observation {
            kind = kind != null ? kind : quote.isEmpty() ? Kind.MISSED : Kind.OFFENCE;
        }

        /** An offending line, or (with an empty quote) a move never made. */
        public Observation(String dimension, String quote, String better, String advice, String section) {
            this(dimension, quote, better, advice, section, null);
        }

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
