package org.coachbot.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Practice a supervisor gave one trainee.
 *
 * @param originChat where it was assigned: a group gets a notice there if the trainee's private chat is closed
 * @param dueDate    the last day, in the team's time zone; {@code dueAt} is the end of that day
 * @param notifiedAt when the trainee was sent it, null until then
 * @param doneAt     when the trainee finished it, null until then; {@code score} is that session's score
 */
public record Assignment(long id, long traineeId, long supervisorId, long originChat, Target target,
                         LocalDate dueDate, Instant dueAt, Instant createdAt, Instant notifiedAt, Instant doneAt,
                         int score) {
    public Assignment {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(dueDate, "dueDate must not be null");
        Objects.requireNonNull(dueAt, "dueAt must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /** How an assignment stands at a moment. */
    public enum Status { DONE, OVERDUE, NOT_STARTED }

    public Status status(Instant now) {
        if (doneAt != null) {
            return Status.DONE;
        }
        return now.isAfter(dueAt) ? Status.OVERDUE : Status.NOT_STARTED;
    }
}
