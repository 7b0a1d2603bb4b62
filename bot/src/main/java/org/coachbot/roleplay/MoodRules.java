package org.coachbot.roleplay;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The scripted rules for the customer's state, used whichever persona speaks, so scoring and endings stay
 * deterministic even when a language model writes the lines.
 */
public final class MoodRules {
    /** A customer who hits the top mood this many times hangs up. */
    public static final int PEAKS_TO_FAIL = 2;
    /** Success needs the customer at most "a little unhappy". */
    public static final int RESOLVED_MOOD = 1;

    private MoodRules() {
    }

    /** The distinct move kinds of one turn: saying sorry twice in a line calms no more than once. */
    public static Set<MoveKind> kinds(List<DetectedMove> detected) {
        Set<MoveKind> out = EnumSet.noneOf(MoveKind.class);
        detected.forEach(m -> out.add(m.kind()));
        return out;
    }

    /** The mood after the trainee's moves, clamped to 0..5. */
    public static int nextMood(Scenario scenario, int mood, Set<MoveKind> kinds) {
        int next = mood + scenario.moodChange(kinds);
        return Math.max(Scenario.MIN_MOOD, Math.min(Scenario.MAX_MOOD, next));
    }

    /** A silent customer opens up once the trainee makes one of the scenario's drawing-out moves. */
    public static boolean drawnOut(Scenario scenario, boolean already, Set<MoveKind> kinds) {
        return already || kinds.stream().anyMatch(scenario.drawnOutBy()::contains);
    }

    /** How the session stands after a trainee turn; failure is checked first, so a last insult is not rewarded. */
    public static Outcome outcome(Scenario scenario, Session session, int maxTurns) {
        if (session.peaks() >= PEAKS_TO_FAIL) {
            return Outcome.FAILURE;
        }
        if (session.mood() <= RESOLVED_MOOD && scenario.resolvedWhen().stream().allMatch(session::happened)) {
            return Outcome.SUCCESS;
        }
        if (session.traineeTurns() >= maxTurns) {
            return Outcome.GAVE_UP;
        }
        return Outcome.ONGOING;
    }
}
