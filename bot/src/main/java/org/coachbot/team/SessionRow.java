package org.coachbot.team;

import java.time.Instant;
import java.util.Map;

/**
 * One finished session as the export writes it.
 *
 * @param drill  the dimension a drill trained, empty for a full session
 * @param scores score per dimension id
 */
public record SessionRow(long id, long userId, String scenarioId, String outcome, int total, boolean resolved,
                         String drill, int turns, int hints, Instant startedAt, Instant endedAt,
                         Map<String, Integer> scores) {
}
