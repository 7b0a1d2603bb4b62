package org.coachbot.roleplay.engine;

import java.util.Objects;

/** One line of the role-play transcript. */
public record Utterance(Speaker speaker, String text) {
    /** Who said it: the trainee plays the agent, the bot plays the customer. */
    public enum Speaker { TRAINEE, CUSTOMER }

    public Utterance {
        Objects.requireNonNull(speaker, "speaker must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }
}
