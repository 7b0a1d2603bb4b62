package org.coachbot.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An assignment a supervisor is putting together with buttons: who, then what, then by when. Kept in the
 * database so the buttons still work after a restart.
 *
 * @param target null until the supervisor picked a scenario or a dimension
 * @param page   the page of the trainee picker shown last
 */
public record Draft(long id, long supervisorId, long chatId, List<Long> trainees, Target target, int page) {
    public Draft {
        trainees = List.copyOf(trainees);
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0");
        }
    }

    /** This draft with the trainee added, or removed when already picked. */
    public Draft toggle(long trainee) {
        List<Long> next = new ArrayList<>(trainees);
        if (!next.remove(trainee)) {
            next.add(trainee);
        }
        return new Draft(id, supervisorId, chatId, next, target, page);
    }

    public Draft withTarget(Target t) {
        return new Draft(id, supervisorId, chatId, trainees, Objects.requireNonNull(t, "target must not be null"),
                page);
    }

    public Draft onPage(int p) {
        return new Draft(id, supervisorId, chatId, trainees, target, p);
    }
}
