package org.coachbot.roleplay.engine;

import java.util.Objects;

/**
 * The customer's answer to one trainee line.
 *
 * @param cue what the line does: the cue of the plan it was said for, or the mood line it fell back to
 */
public record CustomerReply(String line, Cue cue) {
    public CustomerReply {
        Objects.requireNonNull(line, "line must not be null");
        Objects.requireNonNull(cue, "cue must not be null");
        if (line.isBlank()) {
            throw new IllegalArgumentException("a customer line must not be blank");
        }
    }

    /** What kind of reaction the line is. */
    public Reaction reaction() {
        return cue.reaction();
    }
}
