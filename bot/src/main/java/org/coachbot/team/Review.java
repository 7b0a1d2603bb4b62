package org.coachbot.team;

import java.time.Instant;
import java.util.Objects;

/**
 * A dimension that fell below the pass mark and comes back as a drill, see {@link Repetition}.
 *
 * @param reviews   how many due returns the trainee has practised so far
 * @param passes    due returns passed in a row
 * @param dueAt     when it comes back next
 * @param lastScore the latest score of the dimension
 */
public record Review(long userId, String dimension, int reviews, int passes, Instant dueAt, int lastScore) {
    public Review {
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(dueAt, "dueAt must not be null");
        if (reviews < 0 || passes < 0) {
            throw new IllegalArgumentException("reviews and passes must be >= 0");
        }
    }

    public boolean due(Instant now) {
        return !now.isBefore(dueAt);
    }
}
