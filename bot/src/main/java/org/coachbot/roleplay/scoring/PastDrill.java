package org.coachbot.roleplay.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished drill in a trainee's history: the dimension it trained and the score it got there.
 *
 * @param score the drill's dimension score, 0..100
 */
public record PastDrill(String scenarioId, String dimension, int score, Instant endedAt) {
    public PastDrill {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(endedAt, "endedAt must not be null");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0..100: " + score);
        }
    }
}
