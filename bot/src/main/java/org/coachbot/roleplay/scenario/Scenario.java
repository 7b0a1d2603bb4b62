package org.coachbot.roleplay.scenario;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One practice scenario: who the customer is, what they know, what really solves their problem, how they react to
 * each move, and how much they will take. The field meanings are those of {@code knowledge/scenarios/<id>.yaml}.
 *
 * @param briefing      what the agent knows when picking up; shown to the trainee
 * @param background    the whole story, for the language-model customer
 * @param hidden        what the customer does not say; revealed in the debrief
 * @param maxMoodStep   how many mood levels one trainee line can move the customer
 * @param patience      how much offence the customer takes before hanging up
 * @param calms         move kind to mood change, all values &lt;= 0
 * @param inflames      move kind to mood change, all values &gt;= 0
 * @param cannotPromise what the fact sheet says cannot be done: promising it is an over-promise
 */
public record Scenario(String id, String title, String customerType, int difficulty, String briefing,
                       String background, String hidden, String goal, List<String> persona, int startingMood,
                       int maxMoodStep, int patience, List<Fact> facts, List<RemedyBeat> remedy,
                       List<Promise> cannotPromise, Map<MoveKind, Integer> calms, Map<MoveKind, Integer> inflames,
                       boolean silent, Set<MoveKind> drawnOutBy, CustomerLines lines, String hint,
                       List<String> trains) {
    public static final int MIN_MOOD = 0;
    public static final int MAX_MOOD = 5;
    /** One level a line: a customer cools down, or boils over, over several turns. */
    public static final int DEFAULT_MAX_MOOD_STEP = 1;
    /** Three rude lines in a row end the call; one does not. */
    public static final int DEFAULT_PATIENCE = 4;

    /** Something that cannot be done, and how an agent would promise it anyway. */
    public record Promise(String label, List<Pattern> patterns) {
        public Promise {
            Objects.requireNonNull(label, "label must not be null");
            patterns = List.copyOf(patterns);
        }
    }

    public Scenario {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(lines, "lines must not be null");
        persona = List.copyOf(persona);
        facts = List.copyOf(facts);
        remedy = List.copyOf(remedy);
        cannotPromise = List.copyOf(cannotPromise);
        calms = Map.copyOf(calms);
        inflames = Map.copyOf(inflames);
        drawnOutBy = inVocabularyOrder(drawnOutBy);
        trains = List.copyOf(trains);
        if (difficulty < 1 || difficulty > 3) {
            throw new IllegalArgumentException("difficulty must be within 1..3: " + id);
        }
        if (startingMood < MIN_MOOD || startingMood > MAX_MOOD) {
            throw new IllegalArgumentException("startingMood must be within 0..5: " + id);
        }
        if (maxMoodStep < 1 || patience < 1) {
            throw new IllegalArgumentException("maxMoodStep and patience must be >= 1: " + id);
        }
        if (remedy.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one remedy beat: " + id);
        }
        if (silent && lines.guarded().isEmpty()) {
            throw new IllegalArgumentException("a silent customer needs guarded lines: " + id);
        }
    }

    /** An immutable copy that iterates in vocabulary order, so hints name the moves in a stable order. */
    private static Set<MoveKind> inVocabularyOrder(Set<MoveKind> kinds) {
        EnumSet<MoveKind> copy = EnumSet.noneOf(MoveKind.class);
        copy.addAll(kinds);
        return Collections.unmodifiableSet(copy);
    }

    /** The mood change the trainee's moves of one turn ask for, before the step limit; each kind counts once. */
    public int moodChange(Set<MoveKind> kinds) {
        int change = 0;
        for (MoveKind k : kinds) {
            change += calms.getOrDefault(k, 0) + inflames.getOrDefault(k, 0);
        }
        return change;
    }

    /** The remedy beat with this id. */
    public Optional<RemedyBeat> beat(String beatId) {
        return remedy.stream().filter(b -> b.id().equals(beatId)).findFirst();
    }
}
