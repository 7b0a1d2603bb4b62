package org.coachbot.roleplay.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a scenario's fact sheet: something the customer knows and tells when the trainee asks about it.
 *
 * @param fact     the fact in a few words, for the language-model customer and the debrief
 * @param ask      example questions an agent would ask about it; a line close enough in meaning counts as asking
 * @param patterns optional regular expressions over the normalised line that also count as asking
 * @param answer   the customer's answers, used in order of the turn generator and never twice in a session
 */
public record Fact(String id, String fact, List<String> ask, List<Pattern> patterns, List<String> answer) {
    public Fact {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(fact, "fact must not be null");
        ask = List.copyOf(ask);
        patterns = List.copyOf(patterns);
        answer = List.copyOf(answer);
        if (ask.isEmpty() || answer.isEmpty()) {
            throw new IllegalArgumentException("a fact needs example questions and answers: " + id);
        }
    }

    /** True when one of the patterns occurs in the normalised line. */
    /** What the customer knows, as the fact sheet states it and as the customer says it. */
    public List<String> told() {
        List<String> out = new ArrayList<>(answer);
        out.add(0, fact);
        return out;
    }

    public boolean matches(String normalisedLine) {
        return patterns.stream().anyMatch(p -> p.matcher(normalisedLine).find());
    }
}
