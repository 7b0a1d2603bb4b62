package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for the customer's state, used whichever persona speaks, so scoring and endings stay deterministic
 * even when a language model writes the lines. The mood moves at most {@link Scenario#maxMoodStep()} a line, a
 * customer without any real remedy does not calm below {@link #NO_REMEDY_FLOOR}, and patience is spent on offences
 * and on lines that leave a furious customer furious.
 */
public final class MoodRules {
    /** Satisfaction needs the customer at most "a little unhappy". */
    public static final int RESOLVED_MOOD = 1;
    /** Kind words alone bring an upset customer down to "unhappy", not further. */
    public static final int NO_REMEDY_FLOOR = 2;
    /** From this mood on, a line with nothing in it costs patience. */
    static final int IMPATIENT_MOOD = 4;
    /** Patience one line can cost at most, so even an insult leaves room for one apology. */
    static final int MAX_COST = 2;

    private MoodRules() {
    }

    /** The distinct move kinds of one turn. */
    public static Set<MoveKind> kinds(List<DetectedMove> detected) {
        Set<MoveKind> out = EnumSet.noneOf(MoveKind.class);
        detected.forEach(m -> out.add(m.kind()));
        return out;
    }

    /**
     * The mood after the line: the scenario's calms and inflames, a newly offered remedy beat calming like a
     * solution, limited to the step and to the floor while no beat has been offered.
     */
    public static int nextMood(Scenario scenario, int mood, Heard heard, boolean newBeat, boolean anyBeat) {
        Set<MoveKind> kinds = heard.kinds();
        int change = scenario.moodChange(kinds);
        if (newBeat && !kinds.contains(MoveKind.SOLUTION)) {
            change += scenario.calms().getOrDefault(MoveKind.SOLUTION, -1);
        }
        int step = scenario.maxMoodStep();
        change = Math.max(-step, Math.min(step, change));
        int next = Math.max(Scenario.MIN_MOOD, Math.min(Scenario.MAX_MOOD, mood + change));
        if (!anyBeat && next < mood) {
            next = Math.max(next, Math.min(mood, NO_REMEDY_FLOOR));
        }
        return next;
    }

    /** Patience this line costs: an offence, an insult, a furious customer left furious, or nothing at all said. */
    public static int patienceCost(Heard heard, int moodBefore, int moodAfter, boolean newBeat) {
        int cost = 0;
        if (heard.anyBad()) {
            cost += heard.has(MoveKind.INSULT) ? 2 : 1;
        }
        if (moodBefore == Scenario.MAX_MOOD && moodAfter == Scenario.MAX_MOOD) {
            cost++;
        }
        boolean empty = !heard.anyGood() && !heard.anyBad() && !newBeat && heard.fact().isEmpty();
        if (empty && moodBefore >= IMPATIENT_MOOD) {
            cost++;
        }
        return Math.min(MAX_COST, cost);
    }

    /** A silent customer opens up once the trainee makes one of the scenario's drawing-out moves. */
    public static boolean drawnOut(Scenario scenario, boolean already, Set<MoveKind> kinds) {
        return already || kinds.stream().anyMatch(scenario.drawnOutBy()::contains);
    }

    /**
     * A customer is won over in a conversation, not by one paragraph: even a call that starts calm and gets the
     * whole remedy in its first line needs one more exchange.
     */
    public static final int MIN_TURNS_TO_SATISFY = 2;

    /** Every remedy beat offered and the customer calm enough: they thank and wait for the close. */
    public static boolean satisfied(Scenario scenario, CallState call, int mood, int turn) {
        return turn >= MIN_TURNS_TO_SATISFY && mood <= RESOLVED_MOOD
                && scenario.remedy().stream().allMatch(b -> call.beats().contains(b.id()));
    }
}
