package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;

import java.util.Objects;

/**
 * A move a detector found in one trainee line.
 *
 * @param quote the trainee's own line, as they typed it, for the scorecard
 * @param turn  1-based number of the trainee line in the session
 */
public record DetectedMove(MoveKind kind, Polarity polarity, String detector, String dimension, String quote,
                           int turn) {
    public DetectedMove {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(polarity, "polarity must not be null");
        Objects.requireNonNull(detector, "detector must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(quote, "quote must not be null");
        if (turn < 1) {
            throw new IllegalArgumentException("turn must be >= 1");
        }
    }
}
