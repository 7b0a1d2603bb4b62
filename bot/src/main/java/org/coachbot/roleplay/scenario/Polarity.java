package org.coachbot.roleplay.scenario;

/** Whether a move is something the training material asks for or warns against. */
public enum Polarity {
    GOOD, BAD;

    /** The spelling used in {@code rubric.yaml}: {@code good} or {@code bad}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
