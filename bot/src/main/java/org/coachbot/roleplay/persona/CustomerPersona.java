package org.coachbot.roleplay.persona;

import org.coachbot.roleplay.engine.TurnContext;

/** Plays the customer: says the next line. Mood and endings are decided by {@link MoodRules}, not here. */
@FunctionalInterface
public interface CustomerPersona {

    /** The customer's answer to the trainee's latest line; never blank. */
    String reply(TurnContext turn);
}
