package org.coachbot.team;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the finished sessions say about one trainee.
 *
 * @param week       sessions (drills included) finished in the last 7 days
 * @param month      sessions (drills included) finished in the last 30 days
 * @param average    average total of the full sessions of the last 30 days, or NaN when there were none
 * @param dimensions average per dimension over the last 30 days: full sessions, and drills for the dimension they
 *                   trained
 * @param last       the latest session ever, or null
 */
public record TraineeStats(long userId, int week, int month, double average, Map<String, Double> dimensions,
                           Instant last) {
    public TraineeStats {
        dimensions = Map.copyOf(dimensions);
    }

    /** A trainee with no sessions at all. */
    public static TraineeStats none(long userId) {
        return new TraineeStats(userId, 0, 0, Double.NaN, Map.of(), null);
    }

    public OptionalDouble averageScore() {
        return Double.isNaN(average) ? OptionalDouble.empty() : OptionalDouble.of(average);
    }

    /** The dimension with the lowest average, if any was scored. */
    public Optional<String> weakest() {
        return dimensions.entrySet().stream().min(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey);
    }
}
