package org.coachbot.roleplay;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What a persona knows when it answers: the session already holds the trainee's new line and the mood the
 * scripted rules computed from it.
 *
 * @param detected the moves found in the trainee's new line
 * @param random   this turn's generator, derived from the session seed
 */
public record TurnContext(Scenario scenario, Session session, List<DetectedMove> detected, Random random) {
    public TurnContext {
        Objects.requireNonNull(scenario, "scenario must not be null");
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(random, "random must not be null");
        detected = List.copyOf(detected);
    }
}
