package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.Outcome;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A finished session in a trainee's history. */
public record PastSession(String scenarioId, Outcome outcome, int total, Map<String, Integer> scores, int turns,
                          int hints, Instant startedAt, Instant endedAt) {
    public PastSession {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(endedAt, "endedAt must not be null");
        scores = Map.copyOf(scores);
    }
}
