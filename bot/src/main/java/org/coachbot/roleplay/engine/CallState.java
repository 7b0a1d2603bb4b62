package org.coachbot.roleplay.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.ArrayList;
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
 * @param memory      what the trainee did that the customer remembers: promises, refusals, a private contact given
 * @param remedyTurns the trainee turns that offered a remedy beat, new or already offered, so the scorer knows a
 *                    "no" said in the same line as a step of the remedy; empty for a session saved before they were
 *                    recorded
 */
public record CallState(@JsonProperty("patience") int patience, @JsonProperty("beats") List<String> beats,
                        @JsonProperty("facts") List<String> facts, @JsonProperty("satisfiedAt") int satisfiedAt,
                        @JsonProperty("lastSource") long lastSource,
                        @JsonProperty("memory") List<Remembered> memory,
                        @JsonProperty("remedyTurns") List<Integer> remedyTurns) {
    public CallState {
        beats = List.copyOf(new LinkedHashSet<>(beats == null ? List.of() : beats));
        facts = List.copyOf(new LinkedHashSet<>(facts == null ? List.of() : facts));
        memory = memory == null ? List.of() : List.copyOf(memory);
        remedyTurns = List.copyOf(new LinkedHashSet<>(remedyTurns == null ? List.of() : remedyTurns));
        if (satisfiedAt < 0) {
            throw new IllegalArgumentException("satisfiedAt must be >= 0");
        }
    }

    /** A state whose latest line has no known source. */
    public CallState(int patience, List<String> beats, List<String> facts, int satisfiedAt) {
        this(patience, beats, facts, satisfiedAt, 0, List.of());
    }

    /** A state without a record of which turns offered a remedy. */
    public CallState(int patience, List<String> beats, List<String> facts, int satisfiedAt, long lastSource,
                     List<Remembered> memory) {
        this(patience, beats, facts, satisfiedAt, lastSource, memory, List.of());
    }

    /** This state, the trainee's latest line being known to the front end as {@code source}. */
    public CallState heardFrom(long source) {
        return new CallState(patience, beats, facts, satisfiedAt, source, memory, remedyTurns);
    }

    /** Whether the customer remembers a deed of this kind. */
    public boolean remembers(Recall recall) {
        return memory.stream().anyMatch(m -> m.recall() == recall);
    }

    /** A call that has just started. */
    public static CallState start(Scenario scenario) {
        return new CallState(scenario.patience(), List.of(), List.of(), 0);
    }

    public boolean satisfied() {
        return satisfiedAt > 0;
    }

    /**
     * This state after trainee turn {@code turn}: the beats it offered ({@code offered}, already offered ones
     * included), the facts the customer tells and the deeds they will remember added.
     */
    CallState next(int turn, int newPatience, Set<String> offered, List<Fact> told, List<Remembered> remembered,
                   int satisfiedTurn) {
        List<String> allBeats = new ArrayList<>(beats);
        allBeats.addAll(offered);
        List<Integer> turns = new ArrayList<>(remedyTurns);
        if (!offered.isEmpty()) {
            turns.add(turn);
        }
        List<String> allFacts = new ArrayList<>(facts);
        told.forEach(f -> allFacts.add(f.id()));
        List<Remembered> all = new ArrayList<>(memory);
        all.addAll(remembered);
        return new CallState(newPatience, allBeats, allFacts, satisfiedTurn, lastSource, all, turns);
    }

    /** This state with the deed marked as brought up by the customer. */
    public CallState recalling(Remembered deed) {
        List<Remembered> all = new ArrayList<>(memory);
        int at = all.indexOf(deed);
        if (at >= 0) {
            all.set(at, deed.asRecalled());
        }
        return new CallState(patience, beats, facts, satisfiedAt, lastSource, all, remedyTurns);
    }

    /** This state with the customer satisfied after the trainee's turn {@code turn}. */
    CallState satisfiedAfter(int turn) {
        return new CallState(patience, beats, facts, turn, lastSource, memory, remedyTurns);
    }
}
