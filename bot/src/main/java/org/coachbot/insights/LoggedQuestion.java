package org.coachbot.insights;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question read back from the log, with the verdicts its answer got.
 *
 * @param helpful   users whose latest verdict is 👍
 * @param unhelpful users whose latest verdict is 👎
 */
public record LoggedQuestion(long id, String text, AnswerKind answer, List<String> sectionIds, long knowledgeVersion,
                             Instant at, int helpful, int unhelpful) {
    public LoggedQuestion {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        Objects.requireNonNull(at, "at must not be null");
        sectionIds = List.copyOf(sectionIds);
    }

    /** The section the answer led with, or empty when it was declined. */
    public String leadSection() {
        return sectionIds.isEmpty() ? "" : sectionIds.get(0);
    }
}
