package org.coachbot.insights;

import java.time.Instant;

/** Where agents' questions and their verdicts on tips are kept, so admins can see what is asked and missed. */
public interface QuestionLog {
    /** Records the question; returns the id under which feedback on its answer is recorded. */
    long record(AskedQuestion question);

    /** Records a 👍 ({@code helpful}) or 👎 on an answer; a second tap by the same user replaces the first. */
    void feedback(long questionId, long userId, boolean helpful, Instant at);
}
