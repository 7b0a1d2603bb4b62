package org.coachbot.team;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole team at one moment, as {@code /team} and the dashboard show it.
 *
 * @param rows     one per trainee, those who need attention first
 * @param averages the team's average per dimension id over the last 30 days, each trainee counting once
 */
public record Roster(List<Row> rows, Map<String, Double> averages, Instant at) {
    public Roster {
        rows = List.copyOf(rows);
        averages = Map.copyOf(averages);
    }

    /** One trainee: their practice, the assignments not done or done in the last 30 days, their certificates. */
    public record Row(long userId, String name, TraineeStats stats, List<Assignment> assignments,
                      List<Certificate> certificates) {
        public Row {
            assignments = List.copyOf(assignments);
            certificates = List.copyOf(certificates);
        }

        /** Assignments in this state at {@code now}. */
        public int count(Assignment.Status status, Instant now) {
            return (int) assignments.stream().filter(a -> a.status(now) == status).count();
        }

        int overdue(Instant now) {
            return count(Assignment.Status.OVERDUE, now);
        }
    }
}
