package org.coachbot.team;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the due date a supervisor types: 2025-03-08, 3-8, 3/8, 3月8日, 3天 (days from today), 明天, 后天. */
final class DueDates {
    private static final Pattern FULL = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})[-/月](\\d{1,2})[日号]?");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})(天|天后|天内|d)");

    private DueDates() {
    }

    /** The date the token names, or empty when it names no date; a month and day already past mean next year. */
    static Optional<LocalDate> parse(String token, LocalDate today) {
        try {
            Matcher m = FULL.matcher(token);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = MONTH_DAY.matcher(token);
            if (m.matches()) {
                LocalDate date = LocalDate.of(today.getYear(), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
                return Optional.of(date.isBefore(today) ? date.plusYears(1) : date);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        Matcher m = DAYS.matcher(token);
        if (m.matches()) {
            return Optional.of(today.plusDays(Integer.parseInt(m.group(1))));
        }
        return switch (token) {
            case "今天" -> Optional.of(today);
            case "明天" -> Optional.of(today.plusDays(1));
            case "后天" -> Optional.of(today.plusDays(2));
            default -> Optional.empty();
        };
    }
}
