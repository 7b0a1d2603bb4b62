package org.coachbot.team;

import org.coachbot.roleplay.scenario.ScenarioBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gives trainees an assignment: the rules {@code /assign} and the dashboard share. The scenario or dimension must
 * be in the scenario book in service, the due date today or later in the team's time zone, and every trainee
 * someone the bot knows; the trainees are told by the scheduler, woken at once.
 */
public final class Assigner {
    private final People people;
    private final Assignments assignments;
    private final Supplier<ScenarioBook> books;
    private final Clock clock;
    private final TeamSettings settings;
    private final Runnable wake;

    Assigner(People people, Assignments assignments, Supplier<ScenarioBook> books, Clock clock,
             TeamSettings settings, Runnable wake) {
        this.people = people;
        this.assignments = assignments;
        this.books = books;
        this.clock = clock;
        this.settings = settings;
        this.wake = wake;
    }

    /**
     * Stores one assignment per trainee, due at the end of {@code due} in the team's time zone.
     *
     * @param originChat where it was assigned: a group gets a notice there if a trainee's private chat is closed
     * @return the assignments made, with their ids
     * @throws AssignmentRefusedException when a rule is broken; nothing is stored then
     */
    public List<Assignment> assign(long supervisorId, long originChat, List<Long> trainees, Target target,
                                   LocalDate due) {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(due, "due must not be null");
        ScenarioBook book = books.get();
        if (!book.playable()) {
            throw new AssignmentRefusedException(AssignmentRefusedException.Reason.UNAVAILABLE,
                    "the scenario book in service cannot be played");
        }
        boolean exists = switch (target.kind()) {
            case SCENARIO -> book.scenario(target.id()).isPresent();
            case DIMENSION -> book.rubric().flatMap(r -> r.dimension(target.id())).isPresent();
        };
        if (!exists) {
            throw new AssignmentRefusedException(AssignmentRefusedException.Reason.TARGET_GONE,
                    "no " + target.key() + " in the scenario book in service");
        }
        if (due.isBefore(today())) {
            throw new AssignmentRefusedException(AssignmentRefusedException.Reason.PAST,
                    "due date " + due + " is before today " + today());
        }
        List<Long> who = List.copyOf(new LinkedHashSet<>(trainees));
        if (who.isEmpty()) {
            throw new AssignmentRefusedException(AssignmentRefusedException.Reason.NO_TRAINEE, "no trainee given");
        }
        List<Long> unknown = who.stream().filter(id -> people.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new AssignmentRefusedException(AssignmentRefusedException.Reason.UNKNOWN_TRAINEE,
                    "the bot has never seen user(s) " + unknown);
        }
        Instant now = clock.instant();
        Instant dueAt = due.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<Assignment> made = new ArrayList<>();
        for (long trainee : who) {
            made.add(new Assignment(0, trainee, supervisorId, originChat, target, due, dueAt, now, null, null, 0));
        }
        List<Assignment> stored = assignments.add(made);
        wake.run();
        return stored;
    }

    /** Today in the team's time zone: the earliest due date allowed. */
    public LocalDate today() {
        return clock.instant().atZone(settings.zone()).toLocalDate();
    }
}
