package org.coachbot.roleplay.engine;


/**
 * Plays the customer: says the next line, following the turn's plan. Mood and endings are decided by the engine's
 * rules, not here.
 */
@FunctionalInterface
public interface CustomerPersona {

    /** The customer's answer to the trainee's latest line and the cue it follows; never blank. */
    CustomerReply reply(TurnContext turn);
}
