package org.coachbot.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the bot was used for in a period, as {@code /stats} shows it.
 *
 * @param askers           distinct users who asked
 * @param days             every day of the range, oldest first, zeros included
 * @param sections         the most shown sections, most shown first
 * @param tipsWithFeedback tips that got at least one verdict
 * @param rolePlay         finished practice sessions
 */
public record Usage(DateRange range, long askers, List<Day> days, List<SectionUse> sections, long helpful,
                    long unhelpful, long tipsWithFeedback, RolePlay rolePlay) {
    public Usage {
        Objects.requireNonNull(range, "range must not be null");
        days = List.copyOf(days);
        sections = List.copyOf(sections);
        Objects.requireNonNull(rolePlay, "rolePlay must not be null");
    }

    /** Questions on one day, by what the bot answered; {@code safety} counts callers in danger. */
    public record Day(LocalDate date, int tips, int uncovered, int offTopic, int safety) {
        /** A day without safety tips. */
        public Day(LocalDate date, int tips, int uncovered, int offTopic) {
            this(date, tips, uncovered, offTopic, 0);
        }

        public int total() {
            return tips + uncovered + offTopic + safety;
        }
    }

    /** How often a section was shown. */
    public record SectionUse(String sectionId, long times) {
    }

    /** Practice sessions finished in the period and their average total score (empty without sessions). */
    public record RolePlay(long sessions, long trainees, OptionalDouble averageScore) {
    }

    public long questions() {
        return days.stream().mapToLong(Day::total).sum();
    }

    public long tips() {
        return days.stream().mapToLong(Day::tips).sum();
    }

    public long uncovered() {
        return days.stream().mapToLong(Day::uncovered).sum();
    }

    public long offTopic() {
        return days.stream().mapToLong(Day::offTopic).sum();
    }

    /** Safety tips: questions about a caller in danger. */
    public long safety() {
        return days.stream().mapToLong(Day::safety).sum();
    }
}
