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
 * @param moves         the rubric moves in the line
 * @param beats         ids of the remedy beats the line offers (already offered ones included)
 * @param facts         the facts the trainee asked about, in the order asked
 * @param unknown       questions of the line about something the customer does not know
 * @param onlyAsks      every clause of the line asks something: a remedy heard in it is a question, not an offer
 * @param offScript     the kind of off-script input, if the line is one
 * @param time          a time the agent names in a statement, to repeat back and remember
 * @param name          the name the agent gave, to repeat back
 * @param farewell      the line takes leave
 * @param contact       the agent gives the customer a private WeChat or phone number
 * @param refusal       the clause in which the agent says something cannot be done
 * @param plainOffence  a bad move of the line is written out in one of its detector's patterns, not only heard by
 *                      resemblance
 * @param edge          how likely the rubric's move classifier finds the line to carry an offence, 0..1, whether
 *                      or not one was heard: a line with nothing else in it and some edge is answered in the mood
 * @param takenAmiss    the offence the customer hears in the tone of the line although the rubric counted none
 *                      ("规定就是这样"), answered like that move; never affects the score
 * @param amissWritten  the offence taken amiss is written out in the tone's patterns ("得等主管批"), so it is
 *                      answered before an offer the line also makes
 * @param soundsCalm    the line sounds plain and polite to the customer, so an offence the rubric heard in it only
 *                      by resemblance is not answered as one
 */
public record Heard(String line, List<DetectedMove> moves, Set<String> beats, List<Fact> facts, List<String> unknown,
                    boolean onlyAsks, Optional<OffScript> offScript, Optional<String> time, Optional<String> name,
                    boolean farewell, boolean contact, Optional<String> refusal, boolean plainOffence,
                    double edge, Optional<MoveKind> takenAmiss, boolean amissWritten,
                    boolean soundsCalm) {
    public Heard {
        Objects.requireNonNull(line, "line must not be null");
        moves = List.copyOf(moves);
        beats = Set.copyOf(beats);
        facts = List.copyOf(facts);
        unknown = List.copyOf(unknown);
        Objects.requireNonNull(offScript, "offScript must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(refusal, "refusal must not be null");
        Objects.requireNonNull(takenAmiss, "takenAmiss must not be null");
    }

    /** The first fact the line asks about, if any. */
    public Optional<Fact> fact() {
        return facts.stream().findFirst();
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
