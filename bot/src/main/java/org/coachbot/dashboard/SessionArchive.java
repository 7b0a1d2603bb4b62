package org.coachbot.dashboard;

import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.team.SessionRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the dashboard reads from the finished sessions beyond the team report: one trainee's, one call's, weeks. */
public interface SessionArchive {

    /** The trainee's finished sessions, drills included, newest first, at most {@code limit}. */
    List<SessionRow> sessions(long userId, int limit);

    /** One finished session with every line said in it. */
    Optional<Transcript> transcript(long sessionId);

    /**
     * The team's average per dimension in each week: each trainee's average in the week (full sessions, and drills
     * for the dimension they trained), then the mean over the trainees who practised.
     *
     * @param starts the weeks' first instants, ascending; the last week ends at {@code end}
     */
    List<Week> weeks(List<Instant> starts, Instant end);

    /** A finished session and what was said in it, in order. */
    record Transcript(SessionRow session, List<Utterance> lines) {
        public Transcript {
            lines = List.copyOf(lines);
        }
    }

    /** One week of the team: averages by dimension id, trainees who practised, sessions finished. */
    record Week(Instant start, Map<String, Double> averages, int trainees, int sessions) {
        public Week {
            averages = Map.copyOf(averages);
        }
    }
}
