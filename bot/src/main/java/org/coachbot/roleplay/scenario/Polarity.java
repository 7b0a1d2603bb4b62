package org.coachbot.roleplay.scenario;

import java.util.Locale;

/** Whether a move is something the training material asks for or warns against. */
public enum Polarity {
    GOOD, BAD;

    /** The spelling used in {@code rubric.yaml}: {@code good} or {@code bad}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
