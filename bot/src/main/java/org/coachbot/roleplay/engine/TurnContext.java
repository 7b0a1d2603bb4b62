package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Scenario;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What a persona knows when it answers: the session already holds the trainee's new line and the state the rules
 * computed from it.
 *
 * @param heard  what the customer made of the trainee's line
 * @param moment what this turn is for the customer
 * @param plan   what the customer does with the line, the most fitting first
 * @param random this turn's generator, derived from the session seed
 */
public record TurnContext(Scenario scenario, Session session, Heard heard, Moment moment, ReplyPlan plan,
                          Random random) {
    /** What the customer's answer has to do. */
    public enum Moment {
        /** The call goes on. */
        TALK,
        /** The remedy is there and the customer has calmed down: they thank and wait for the close. */
        SATISFIED,
        /** The trainee closed the call after the customer was satisfied: goodbye. */
        FAREWELL,
        /** Patience ran out, or the call dragged on too long: the customer hangs up. */
        HANGUP
    }

    public TurnContext {
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(heard, "heard must not be null");
        Objects.requireNonNull(moment, "moment must not be null");
        Objects.requireNonNull(plan, "plan must not be null");
        Objects.requireNonNull(random, "random must not be null");
    }

    /** The moves found in the trainee's new line. */
    public List<DetectedMove> detected() {
        return heard.moves();
    }
}
