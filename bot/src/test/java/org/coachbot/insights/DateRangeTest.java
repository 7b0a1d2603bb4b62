package org.coachbot.insights;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DateRangeTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static DateRange parse(String argument) {
        return DateRange.parse(argument, TODAY, SHANGHAI, 7);
    }

    @Test
    void should_take_the_default_number_of_days_up_to_today_without_an_argument() {
        assertEquals(new DateRange(LocalDate.of(2026, 11, 24), TODAY, SHANGHAI), parse(""));
    }

    @Test
    void should_read_a_number_of_days_a_first_day_or_a_first_and_last_day() {
        assertEquals(new DateRange(LocalDate.of(2026, 11, 1), TODAY, SHANGHAI), parse("30"));
        assertEquals(new DateRange(LocalDate.of(2026, 11, 1), TODAY, SHANGHAI), parse("2026-11-01"));
        assertEquals(new DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), SHANGHAI),
                parse("2026/10/1 2026-10-31"));
        assertEquals(new DateRange(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), SHANGHAI),
                parse("2026-10-01 至 2026-10-31"));
    }

    @Test
    void should_cover_whole_days_in_the_team_zone() {
        DateRange r = parse("2026-11-01 2026-11-01");

        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), r.from());
        assertEquals(Instant.parse("2026-11-01T16:00:00Z"), r.until());
        assertEquals(1, r.days());
    }

    @Test
    void should_name_what_is_wrong_with_a_bad_argument() {
        assertEquals("range.date", assertThrows(DateRange.InvalidRange.class, () -> parse("11月1日")).key());
        assertEquals("range.date", assertThrows(DateRange.InvalidRange.class, () -> parse("2026-02-30")).key());
        assertEquals("range.future", assertThrows(DateRange.InvalidRange.class, () -> parse("2026-12-01")).key());
        assertEquals("range.reversed",
                assertThrows(DateRange.InvalidRange.class, () -> parse("2026-11-20 2026-11-01")).key());
        assertEquals("range.days", assertThrows(DateRange.InvalidRange.class, () -> parse("0")).key());
        assertEquals("range.days", assertThrows(DateRange.InvalidRange.class, () -> parse("2024-01-01")).key());
        assertEquals("range.usage", assertThrows(DateRange.InvalidRange.class, () -> parse("1 2 3")).key());
    }
}
