package org.coachbot.insights;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One question an agent asked and what the bot answered.
 *
 * @param sectionIds       the sections the answer showed, best first; empty when declined
 * @param knowledgeVersion the knowledge version the answer was given under
 */
public record AskedQuestion(long userId, long chatId, String question, AnswerKind answer, List<String> sectionIds,
                            long knowledgeVersion, Instant at) {
    public AskedQuestion {
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        Objects.requireNonNull(at, "at must not be null");
        sectionIds = List.copyOf(sectionIds);
        if (knowledgeVersion < 0) {
            throw new IllegalArgumentException("knowledgeVersion must be >= 0");
        }
    }
}
