package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Fact;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the customer's reply does with the trainee's line, so a benchmark can check that the reply fits what was
 * said: answer with facts of the fact sheet, say they do not know, acknowledge what the agent said or offered,
 * push back on it, or close the call warmly.
 *
 * @param facts ids of the facts answered; empty unless {@code kind} is {@link Kind#FACT}
 */
public record Reaction(Kind kind, List<String> facts) {
    /** The kinds of reaction. */
    public enum Kind {
        /** Answers the agent's question with facts from the fact sheet. */
        FACT,
        /** Says, in character, that they do not know what the agent asked. */
        DONT_KNOW,
        /** Takes up what the agent said or offered, in the current mood. */
        ACKNOWLEDGE,
        /** Objects to what the agent said, or to the call going nowhere. */
        PUSHBACK,
        /** Says goodbye after the agent closed a call that solved the problem. */
        CLOSE;

        /** The spelling used in evaluation files: {@code dont_know}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Reaction DONT_KNOW = new Reaction(Kind.DONT_KNOW, List.of());
    public static final Reaction ACKNOWLEDGE = new Reaction(Kind.ACKNOWLEDGE, List.of());
    public static final Reaction PUSHBACK = new Reaction(Kind.PUSHBACK, List.of());
    public static final Reaction CLOSE = new Reaction(Kind.CLOSE, List.of());

    public Reaction {
        Objects.requireNonNull(kind, "kind must not be null");
        facts = List.copyOf(facts);
        if ((kind == Kind.FACT) == facts.isEmpty()) {
            throw new IllegalArgumentException("a fact reaction names its facts, and only it: " + kind + " " + facts);
        }
    }

    /** The reaction that answers with these facts. */
    public static Reaction answer(List<Fact> answered) {
        return new Reaction(Kind.FACT, answered.stream().map(Fact::id).toList());
    }

    /** The labels evaluation files use: {@code fact:room} for each fact answered, else the kind's key. */
    public List<String> labels() {
        return kind == Kind.FACT ? facts.stream().map(f -> "fact:" + f).toList() : List.of(kind.key());
    }

    @Override
    public String toString() {
        return String.join("|", labels());
    }
}
