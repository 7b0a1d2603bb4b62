package org.coachbot.team;

import java.time.Instant;
import java.util.Map;

/**
 * Earned by passing every scenario of a difficulty level at or above the pass mark.
 *
 * @param level  the difficulty, 1 (入门) to 3 (高级)
 * @param scores the best score of each scenario of the level, by scenario id
 * @param sentAt when the certificate image was sent, null until then
 */
public record Certificate(long userId, int level, Instant earnedAt, Map<String, Integer> scores, Instant sentAt) {
    public Certificate {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("level must be within 1..3: " + level);
        }
        scores = Map.copyOf(scores);
    }
}
