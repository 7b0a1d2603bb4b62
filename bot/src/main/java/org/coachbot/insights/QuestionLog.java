package org.coachbot.insights;

import java.time.Instant;
import java.util.Optional;

/** Where agents' questions and their verdicts on tips are kept, so admins can see what is asked and missed. */
public interface QuestionLog {
    /** The id {@link #record} returns when the question could not be stored; feedback on it is answered as stale. */
    long NOT_RECORDED = 0;

    /**
     * Records the question; returns the id under which feedback on its answer is recorded. Never fails the answer:
     * when the log cannot be written the failure is logged and {@link #NOT_RECORDED} returned.
     */
    long record(AskedQuestion question);

    /** Records a 👍 ({@code helpful}) or 👎 on an answer; a second tap by the same user replaces the first. */
    void feedback(long questionId, long userId, boolean helpful, Instant at);

    /** The wording of a recorded question, empty when it is unknown (never recorded, pruned, or not kept). */
    default Optional<String> text(long questionId) {
        return Optional.empty();
    }
}
