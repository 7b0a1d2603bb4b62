package org.coachbot.team;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepetitionTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PASS = 80;

    @Test
    void a_dimension_below_the_pass_mark_comes_back_after_1_3_and_7_days() {
        Review first = after(Optional.empty(), 60, day(1, 15)).orElseThrow();
        Review second = after(Optional.of(first), 70, day(2, 9)).orElseThrow();
        Review third = after(Optional.of(second), 65, day(5, 20)).orElseThrow();
        Review fourth = after(Optional.of(third), 50, day(12, 8)).orElseThrow();

        assertEquals(day(2, 0), first.dueAt(), "the next day, from midnight");
        assertEquals(day(5, 0), second.dueAt());
        assertEquals(day(12, 0), third.dueAt());
        assertEquals(day(19, 0), fourth.dueAt(), "every 7 days after the third return");
        assertEquals(65, third.lastScore());
    }

    @Test
    void two_passing_returns_in_a_row_clear_it_and_a_miss_in_between_resets_the_run() {
        Review due = after(Optional.empty(), 60, day(1, 15)).orElseThrow();
        Review passedOnce = after(Optional.of(due), 85, day(2, 9)).orElseThrow();
        Review missed = after(Optional.of(passedOnce), 70, day(5, 9)).orElseThrow();
        Review passedAgain = after(Optional.of(missed), 90, day(12, 9)).orElseThrow();

        assertEquals(1, passedOnce.passes());
        assertEquals(0, missed.passes());
        assertEquals(1, passedAgain.passes());
        assertTrue(after(Optional.of(passedAgain), 81, day(19, 9)).isEmpty());
    }

    @Test
    void passing_before_a_return_is_due_does_not_count_but_missing_still_resets() {
        Review due = after(Optional.empty(), 60, day(1, 15)).orElseThrow();
        Review passedOnce = after(Optional.of(due), 85, day(2, 9)).orElseThrow();

        Review early = after(Optional.of(passedOnce), 95, day(3, 9)).orElseThrow();
        Review earlyMiss = after(Optional.of(passedOnce), 40, day(3, 9)).orElseThrow();

        assertEquals(passedOnce.passes(), early.passes());
        assertEquals(passedOnce.dueAt(), early.dueAt());
        assertEquals(0, earlyMiss.passes());
        assertEquals(passedOnce.dueAt(), earlyMiss.dueAt(), "the schedule stands");
    }

    @Test
    void a_dimension_at_the_pass_mark_never_comes_back() {
        assertTrue(after(Optional.empty(), PASS, day(1, 9)).isEmpty());
    }

    private static Optional<Review> after(Optional<Review> current, int score, Instant at) {
        return Repetition.after(current, 7, "empathy", score, PASS, at, ZONE);
    }

    private static Instant day(int day, int hour) {
        return ZonedDateTime.of(2025, 3, day, hour, 0, 0, 0, ZONE).toInstant();
    }
}
