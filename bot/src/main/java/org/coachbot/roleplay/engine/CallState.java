package org.coachbot.roleplay.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the call stands beyond the mood: how much patience the customer has left, which remedy beats the trainee
 * has offered, which facts the customer has told, and whether the customer is satisfied and waiting for the close.
 *
 * @param satisfiedAt the trainee turn after which the customer thanked, 0 while not satisfied
 * @param lastSource  the front end's id of the trainee's latest line ({@code Incoming.source}), 0 when unknown: the
 *                    same line handled again after a crash is not played twice
 */
public record CallState(@JsonProperty("patience") int patience, @JsonProperty("beats") List<String> beats,
                        @JsonProperty("facts") List<String> facts, @JsonProperty("satisfiedAt") int satisfiedAt,
                        @JsonProperty("lastSource") long lastSource) {
    public CallState {
        beats = List.copyOf(new LinkedHashSet<>(beats == null ? List.of() : beats));
        facts = List.copyOf(new LinkedHashSet<>(facts == null ? List.of() : facts));
        if (satisfiedAt < 0) {
            throw new IllegalArgumentException("satisfiedAt must be >= 0");
        }
    }

    /** A state whose latest line has no known source. */
    public CallState(int patience, List<String> beats, List<String> facts, int satisfiedAt) {
        this(patience, beats, facts, satisfiedAt, 0);
    }

    /** This state, the trainee's latest line being known to the front end as {@code source}. */
    public CallState heardFrom(long source) {
        return new CallState(patience, beats, facts, satisfiedAt, source);
    }

    /** A call that has just started. */
    public static CallState start(Scenario scenario) {
        return new CallState(scenario.patience(), List.of(), List.of(), 0);
    }

    public boolean satisfied() {
        return satisfiedAt > 0;
    }

    /** This state after one trainee turn. */
    CallState next(int newPatience, Set<String> newBeats, java.util.Optional<Fact> told, int satisfiedTurn) {
        List<String> allBeats = new java.util.ArrayList<>(beats);
        allBeats.addAll(newBeats);
        List<String> allFacts = new java.util.ArrayList<>(facts);
        told.ifPresent(f -> allFacts.add(f.id()));
        return new CallState(newPatience, allBeats, allFacts, satisfiedTurn, lastSource);
    }
}
