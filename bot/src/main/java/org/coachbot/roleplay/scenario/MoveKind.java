package org.coachbot.roleplay.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fixed vocabulary of things a trainee can do in one line, shared by rubric detectors, scenario reactions and
 * the engine (see {@code roleplay-schema.md}). Each kind is good or bad by nature.
 */
public enum MoveKind {
    GREETING(Polarity.GOOD),
    SELF_INTRO(Polarity.GOOD),
    APOLOGY(Polarity.GOOD),
    EMPATHY(Polarity.GOOD),
    GOOD_QUESTION(Polarity.GOOD),
    OPEN_QUESTION(Polarity.GOOD),
    SOLUTION(Polarity.GOOD),
    PROMISE(Polarity.GOOD),
    CLOSING(Polarity.GOOD),
    THANKS(Polarity.GOOD),
    RUDE_OPENING(Polarity.BAD),
    NEGATIVE_LANGUAGE(Polarity.BAD),
    BLAME_OTHER(Polarity.BAD),
    ACCUSING(Polarity.BAD),
    COMMANDING(Polarity.BAD),
    DISMISSIVE(Polarity.BAD),
    INSULT(Polarity.BAD),
    OVER_PROMISE(Polarity.BAD);

    private final Polarity polarity;

    MoveKind(Polarity polarity) {
        this.polarity = polarity;
    }

    public Polarity polarity() {
        return polarity;
    }

    public boolean bad() {
        return polarity == Polarity.BAD;
    }

    /** The spelling used in the YAML files, e.g. {@code open_question}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a kind up by its YAML spelling. */
    public static Optional<MoveKind> parse(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    /** All YAML spellings, for error messages that list what is allowed. */
    public static String allKeys() {
        return String.join(", ", Arrays.stream(values()).map(MoveKind::key).toList());
    }
}
