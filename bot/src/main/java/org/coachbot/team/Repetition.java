package org.coachbot.team;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The spaced-repetition schedule of a weak dimension. A dimension scored below the pass mark comes back as a drill
 * the next day (from midnight on the trainee's clock, so the morning reminder already offers it). Each time it
 * comes back and is practised, its next return is further away: 1, 3, then 7 days (and every 7 days after that),
 * whatever the result, so a trainee who keeps missing is not drilled on the same thing
 * every day; a result below the pass mark only resets the run of passes. Two passing results in a row at due
 * returns clear it. Practice before a return is due does not count as a pass (that would be cramming), but a
 * result below the pass mark still resets the run.
 */
public final class Repetition {
    /** Days before the first, second and every later return. */
    public static final List<Integer> INTERVALS = List.of(1, 3, 7);
    /** Passing returns in a row that clear a dimension. */
    public static final int PASSES_TO_CLEAR = 2;

    private Repetition() {
    }

    /**
     * The review after a session scored the dimension.
     *
     * @param current the review before, if the dimension was coming back
     * @param zone    the trainee's time zone: returns are due from midnight there
     * @return the review to keep, or empty when the dimension is (or stays) cleared
     */
    public static Optional<Review> after(Optional<Review> current, long userId, String dimension, int score,
                                         int passMark, Instant at, ZoneId zone) {
        boolean passed = score >= passMark;
        if (current.isEmpty()) {
            return passed ? Optional.empty()
                    : Optional.of(new Review(userId, dimension, 0, 0, daysAfter(at, INTERVALS.get(0), zone), score));
        }
        Review r = current.get();
        if (!r.due(at)) {
            return Optional.of(new Review(userId, dimension, r.reviews(), passed ? r.passes() : 0, r.dueAt(), score));
        }
        int passes = passed ? r.passes() + 1 : 0;
        if (passes >= PASSES_TO_CLEAR) {
            return Optional.empty();
        }
        int reviews = r.reviews() + 1;
        int wait = INTERVALS.get(Math.min(reviews, INTERVALS.size() - 1));
        return Optional.of(new Review(userId, dimension, reviews, passes, daysAfter(at, wait, zone), score));
    }

    /** Midnight, in the zone, of the day {@code days} after the day of {@code at}. */
    static Instant daysAfter(Instant at, int days, ZoneId zone) {
        return at.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
    }
}
