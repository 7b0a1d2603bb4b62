package org.coachbot.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whole days, both ends included, in the team's time zone: what {@code /gaps} and {@code /stats} report on.
 *
 * @param first the first day
 * @param last  the last day, not before {@code first}
 */
public record DateRange(LocalDate first, LocalDate last, ZoneId zone) {
    /** Longer periods are refused: a year covers the default retention, and a chart of more days is unreadable. */
    public static final int MAX_DAYS = 366;
    private static final Pattern DAYS = Pattern.compile("\\d{1,4}");
    /** Strict, so 2026-02-30 is refused instead of read as the 28th. */
    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("uuuu/M/d"), strict("uuuu.M.d"), strict("uuuuMMdd"));

    public DateRange {
        Objects.requireNonNull(first, "first must not be null");
        Objects.requireNonNull(last, "last must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last must not be before first: " + first + " > " + last);
        }
    }

    /**
     * Reads the argument of {@code /gaps} or {@code /stats}: nothing (the last {@code defaultDays} days), a number of
     * days ({@code 7}), a first day ({@code 2026-11-01}, up to today) or a first and a last day.
     *
     * @throws InvalidRange with the reason in the user's words' key, when the argument is none of these
     */
    public static DateRange parse(String argument, LocalDate today, ZoneId zone, int defaultDays) {
        String[] parts = argument.strip().isEmpty() ? new String[0] : argument.strip().split("[\\s~～至到]+");
        if (parts.length == 0) {
            return lastDays(defaultDays, today, zone);
        }
        if (parts.length == 1 && DAYS.matcher(parts[0]).matches()) {
            int days = Integer.parseInt(parts[0]);
            if (days < 1 || days > MAX_DAYS) {
                throw new InvalidRange("range.days", MAX_DAYS);
            }
            return lastDays(days, today, zone);
        }
        if (parts.length > 2) {
            throw new InvalidRange("range.usage");
        }
        LocalDate first = date(parts[0]);
        LocalDate last = parts.length == 2 ? date(parts[1]) : today;
        if (first.isAfter(today)) {
            throw new InvalidRange("range.future", first);
        }
        if (last.isBefore(first)) {
            throw new InvalidRange("range.reversed", first, last);
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidRange("range.days", MAX_DAYS);
        }
        return new DateRange(first, last, zone);
    }

    /** The {@code days} days up to and including {@code today}. */
    public static DateRange lastDays(int days, LocalDate today, ZoneId zone) {
        return new DateRange(today.minusDays(days - 1L), today, zone);
    }

    /** The start of the first day. */
    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The start of the day after the last, exclusive. */
    public Instant until() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Number of days, both ends included. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The day an instant falls on in this range's zone. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new InvalidRange("range.date", text);
    }

    /** An argument that names no period; {@link #key()} names the text that explains it, with its arguments. */
    public static final class InvalidRange extends IllegalArgumentException {
        private final String key;
        private final transient Object[] args;

        InvalidRange(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }
}
