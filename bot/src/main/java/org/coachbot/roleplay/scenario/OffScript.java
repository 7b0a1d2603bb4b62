package org.coachbot.roleplay.scenario;

import java.util.Locale;

/** Trainee input that is not a customer-service move; the customer answers it in character. */
public enum OffScript {
    /** Only emoji, stickers' text or punctuation. */
    EMOJI,
    /** Mostly Latin letters. */
    ENGLISH,
    /** A paragraph far longer than anyone says on the phone. */
    WALL,
    /** "好的", "嗯" with nothing behind it. */
    FILLER,
    /** A question the customer cannot or should not answer. */
    QUESTION;

    /** The spelling used in the scenario files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
