package org.coachbot.roleplay.engine;

import java.util.List;

/**
 * What the customer will do with the trainee's line: cues from the most fitting down. The scripted customer says a
 * line of the first cue it still has a fresh line for; the language-model customer is told the first.
 */
public record ReplyPlan(List<Cue> cues) {
    public ReplyPlan {
        cues = List.copyOf(cues);
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one cue");
        }
    }

    /** The reaction the customer means to make. */
    public Reaction reaction() {
        return cues.get(0).reaction();
    }

    /** The cue the customer means to follow. */
    public Cue first() {
        return cues.get(0);
    }
}
