package org.coachbot.insights;

import org.coachbot.chat.Button;

import java.util.List;

/** The 👍 / 👎 buttons under a tip; their data carries the question id, e.g. {@code fb:+:1234}. */
public final class FeedbackButtons {
    /** Callback data of both buttons starts with this. */
    public static final String PREFIX = "fb:";
    static final String UP = PREFIX + "+:";
    static final String DOWN = PREFIX + "-:";

    private FeedbackButtons() {
    }

    /** One row with 👍 and 👎 for the answer to question {@code questionId}. */
    public static List<Button> row(long questionId) {
        return List.of(new Button("👍", UP + questionId), new Button("👎", DOWN + questionId));
    }
}
