package org.coachbot.bench;

import org.coachbot.insights.AskedQuestion;
import org.coachbot.insights.QuestionLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps the questions a benchmark run asks in memory, so it can read back how each was answered. */
final class InMemoryQuestionLog implements QuestionLog {
    private final List<AskedQuestion> questions = new ArrayList<>();

    @Override
    public synchronized long record(AskedQuestion question) {
        questions.add(question);
        return questions.size();
    }

    @Override
    public void feedback(long questionId, long userId, boolean helpful, Instant at) {
        // a benchmark gives no feedback
    }

    /** The question recorded last. */
    synchronized AskedQuestion last() {
        return questions.get(questions.size() - 1);
    }

    synchronized List<AskedQuestion> all() {
        return List.copyOf(questions);
    }
}
