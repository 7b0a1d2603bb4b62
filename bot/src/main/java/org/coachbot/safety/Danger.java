package org.coachbot.safety;

import java.util.Locale;

/** A kind of danger an agent may meet on a call, each answered by its own emergency steps. */
public enum Danger {
    /** The caller hints at or states self-harm. */
    SELF_HARM,
    /** A threat of violence against staff, others or a site. */
    VIOLENCE,
    /** The caller is being defrauded right now. */
    FRAUD,
    /** A medical emergency on the line. */
    MEDICAL,
    /** The caller or someone else is in danger from another person right now. */
    DANGER_PERSON,
    /** Fire, gas, electric or flooding danger where the caller is. */
    HAZARD;

    /** The name used in data files and evaluation sets, e.g. {@code self_harm}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}, as in {@link #key()}. */
    public static Danger of(String key) {
        for (Danger d : values()) {
            if (d.key().equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no danger kind \"" + key + "\"; expected one of self_harm, violence, "
                + "fraud, medical, danger_person, hazard");
    }
}
