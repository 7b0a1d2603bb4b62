package org.coachbot.roleplay.engine;

import java.util.List;
import java.util.Objects;

/**
 * What one trainee line led to.
 *
 * @param session      the session after the customer's answer, ready to save
 * @param customerLine the customer's answer; the scenario's success or failure line when the call ended
 * @param reaction     what kind of reaction the customer's answer is
 */
public record TurnResult(Session session, String customerLine, List<DetectedMove> detected, Outcome outcome,
                         Reaction reaction) {
    public TurnResult {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(customerLine, "customerLine must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(reaction, "reaction must not be null");
        detected = List.copyOf(detected);
    }
}
