package org.coachbot.roleplay;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One practice scenario: who the customer is, how they react to each move, and when the call ends. The field
 * meanings are those of {@code knowledge/scenarios/<id>.yaml}.
 *
 * @param calms    move kind to mood change, all values &lt;= 0
 * @param inflames move kind to mood change, all values &gt;= 0
 * @param byMood   fallback lines for moods 0..5
 */
public record Scenario(String id, String title, String customerType, int difficulty, String background, String goal,
                       List<String> persona, int startingMood, List<String> opening, Map<MoveKind, Integer> calms,
                       Map<MoveKind, Integer> inflames, boolean silent, Set<MoveKind> drawnOutBy,
                       Set<MoveKind> resolvedWhen, Map<MoveKind, List<String>> reactions,
                       Map<Integer, List<String>> byMood, List<String> guarded, String success, String failure,
                       String hint, List<String> trains) {
    public static final int MIN_MOOD = 0;
    public static final int MAX_MOOD = 5;

    public Scenario {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(success, "success must not be null");
        Objects.requireNonNull(failure, "failure must not be null");
        persona = List.copyOf(persona);
        opening = List.copyOf(opening);
        calms = Map.copyOf(calms);
        inflames = Map.copyOf(inflames);
        drawnOutBy = inVocabularyOrder(drawnOutBy);
        resolvedWhen = inVocabularyOrder(resolvedWhen);
        reactions = Map.copyOf(reactions);
        byMood = Map.copyOf(byMood);
        guarded = List.copyOf(guarded);
        trains = List.copyOf(trains);
        if (difficulty < 1 || difficulty > 3) {
            throw new IllegalArgumentException("difficulty must be within 1..3: " + id);
        }
        if (startingMood < MIN_MOOD || startingMood > MAX_MOOD) {
            throw new IllegalArgumentException("startingMood must be within 0..5: " + id);
        }
        if (opening.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one opening line: " + id);
        }
        if (silent && guarded.isEmpty()) {
            throw new IllegalArgumentException("a silent customer needs guarded lines: " + id);
        }
    }

    /** An immutable copy that iterates in vocabulary order, so hints name the moves in a stable order. */
    private static Set<MoveKind> inVocabularyOrder(Set<MoveKind> kinds) {
        EnumSet<MoveKind> copy = EnumSet.noneOf(MoveKind.class);
        copy.addAll(kinds);
        return Collections.unmodifiableSet(copy);
    }

    /** The mood change the trainee's moves of one turn cause; each kind counts once per turn. */
    public int moodChange(Set<MoveKind> kinds) {
        int change = 0;
        for (MoveKind k : kinds) {
            change += calms.getOrDefault(k, 0) + inflames.getOrDefault(k, 0);
        }
        return change;
    }
}
