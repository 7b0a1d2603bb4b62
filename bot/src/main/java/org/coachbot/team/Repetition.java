package org.coachbot.team;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The spaced-repetition schedule of a weak dimension. A dimension scored below the pass mark comes back as a drill
 * 1 day later. Each time it comes back and is practised, its next return is further away: 1, 3, then 7 days (and
 * every 7 days after that), whatever the result, so a trainee who keeps missing is not drilled on the same thing
 * every day; a result below the pass mark only resets the run of passes. Two passing results in a row at due
 * returns clear it. Practice before a return is due does not count as a pass (that would be cramming), but a
 * result below the pass mark still resets the run.
 */
public final class Repetition {
    /** The wait before the first, second and every later return. */
    public static final List<Duration> INTERVALS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    /** Passing returns in a row that clear a dimension. */
    public static final int PASSES_TO_CLEAR = 2;

    private Repetition() {
    }

    /**
     * The review after a session scored the dimension.
     *
     * @param current the review before, if the dimension was coming back
     * @return the review to keep, or empty when the dimension is (or stays) cleared
     */
    public static Optional<Review> after(Optional<Review> current, long userId, String dimension, int score,
                                         int passMark, Instant at) {
        boolean passed = score >= passMark;
        if (current.isEmpty()) {
            return passed ? Optional.empty()
                    : Optional.of(new Review(userId, dimension, 0, 0, at.plus(INTERVALS.get(0)), score));
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
        Duration wait = INTERVALS.get(Math.min(reviews, INTERVALS.size() - 1));
        return Optional.of(new Review(userId, dimension, reviews, passes, at.plus(wait), score));
    }
}
