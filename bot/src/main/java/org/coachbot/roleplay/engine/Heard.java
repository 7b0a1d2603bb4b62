package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the customer made of one trainee line.
 *
 * @param moves     the rubric moves in the line
 * @param beats     ids of the remedy beats the line offers (already offered ones included)
 * @param fact      the fact the trainee asked about, if the line asks about one
 * @param offScript the kind of off-script input, if the line is one
 * @param question  the line asks something
 * @param time      a time the line names, to repeat back
 * @param name      the name the agent gave, to repeat back
 * @param farewell  the line takes leave
 */
public record Heard(String line, List<DetectedMove> moves, Set<String> beats, Optional<Fact> fact,
                    Optional<OffScript> offScript, boolean question, Optional<String> time, Optional<String> name,
                    boolean farewell) {
    public Heard {
        Objects.requireNonNull(line, "line must not be null");
        moves = List.copyOf(moves);
        beats = Set.copyOf(beats);
        Objects.requireNonNull(fact, "fact must not be null");
        Objects.requireNonNull(offScript, "offScript must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(name, "name must not be null");
    }

    /** The distinct move kinds of the line: saying sorry twice calms no more than once. */
    public Set<MoveKind> kinds() {
        return MoodRules.kinds(moves);
    }

    public boolean has(MoveKind kind) {
        return moves.stream().anyMatch(m -> m.kind() == kind);
    }

    public boolean anyBad() {
        return moves.stream().anyMatch(m -> m.kind().bad());
    }

    public boolean anyGood() {
        return moves.stream().anyMatch(m -> !m.kind().bad());
    }
}
