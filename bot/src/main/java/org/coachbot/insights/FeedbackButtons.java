package org.coachbot.insights;

import org.coachbot.chat.Button;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 👍 / 👎 buttons under a tip; their data carries the question id, e.g. {@code fb:+:1234}. */
public final class FeedbackButtons {
    /** Callback data of both buttons starts with this. */
    public static final String PREFIX = "fb:";
    static final String UP = PREFIX + "+:";
    static final String DOWN = PREFIX + "-:";
    private static final Pattern DATA = Pattern.compile(Pattern.quote(PREFIX) + "([+-]):(\\d{1,18})");

    private FeedbackButtons() {
    }

    /** One row with 👍 and 👎 for the answer to question {@code questionId}. */
    public static List<Button> row(long questionId) {
        return List.of(new Button("👍", UP + questionId), new Button("👎", DOWN + questionId));
    }

    /** A pressed feedback button: which answer, and whether it helped. */
    record Verdict(long questionId, boolean helpful) {
    }

    /** Reads a button's data; empty when it is not the data {@link #row} makes. */
    static Optional<Verdict> parse(String data) {
        Matcher m = DATA.matcher(data);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(Long.parseLong(m.group(2)), m.group(1).equals("+")));
    }
}
