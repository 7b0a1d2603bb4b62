package org.coachbot.team;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Assignments and the drafts supervisors build them in; every method is durable when it returns. */
public interface Assignments {

    /** Stores new assignments (their ids are ignored) and returns them with their ids. */
    List<Assignment> add(List<Assignment> assignments);

    /** Assignments whose trainee has not been sent them yet, oldest first. */
    List<Assignment> unsent();

    /** Marks an assignment as sent; false when another run already did, so it is never sent twice. */
    boolean claimNotice(long id, Instant now);

    /** The trainee's assignments that are not done yet, earliest due first. */
    List<Assignment> open(long traineeId);

    /** Every assignment not done yet and every one done since {@code doneSince}, for the team report. */
    List<Assignment> current(Instant doneSince);

    /**
     * Marks the trainee's open assignments of this target, created before {@code at}, as done with the score.
     *
     * @return the assignments this completed
     */
    List<Assignment> complete(long traineeId, Target target, Instant at, int score);

    /** Starts a draft for a supervisor in a chat, with the trainees already known. */
    Draft newDraft(long supervisorId, long chatId, List<Long> trainees, Instant now);

    Optional<Draft> draft(long id);

    void saveDraft(Draft draft);

    void deleteDraft(long id);
}
