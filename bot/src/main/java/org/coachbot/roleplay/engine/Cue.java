package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One thing the customer may say next, with the reaction a line of it makes; a {@link ReplyPlan} orders them. */
public sealed interface Cue {

    /** What a line said for this cue does with the trainee's line. */
    Reaction reaction();

    /**
     * Answers the facts asked about; those in {@code told} were answered before and are brought up as such
     * ("我刚才说过了,1208。").
     *
     * @param alsoUnknown the line also asked something the customer does not know
     */
    record Answer(List<Fact> facts, Set<String> told, boolean alsoUnknown) implements Cue {
        public Answer {
            facts = List.copyOf(facts);
            told = Set.copyOf(told);
            if (facts.isEmpty()) {
                throw new IllegalArgumentException("an answer needs facts");
            }
        }

        @Override
        public Reaction reaction() {
            return Reaction.answer(facts);
        }
    }

    /** Says they do not know what was asked. */
    record DontKnow() implements Cue {
        @Override
        public Reaction reaction() {
            return Reaction.DONT_KNOW;
        }
    }

    /**
     * Reacts to one move of the line: an offence, an over-promise (the customer doubts it: "你拿什么保证?"), or a
     * closing before the problem is solved, is pushed back on; everything else is acknowledged.
     */
    record React(MoveKind move) implements Cue {
        public React {
            Objects.requireNonNull(move, "move must not be null");
        }

        @Override
        public Reaction reaction() {
            boolean objects = move.bad() || move == MoveKind.CLOSING;
            return objects ? Reaction.PUSHBACK : Reaction.ACKNOWLEDGE;
        }
    }

    /** Answers off-script input: emoji, English, a wall of text, a bare "好的". */
    record Aside(OffScript kind) implements Cue {
        public Aside {
            Objects.requireNonNull(kind, "kind must not be null");
        }

        @Override
        public Reaction reaction() {
            return kind == OffScript.QUESTION ? Reaction.DONT_KNOW : Reaction.PUSHBACK;
        }
    }

    /** Picks up the agent's own words: {@code time} or {@code name}. */
    record Echo(String key, String value) implements Cue {
        public Echo {
            Objects.requireNonNull(key, "key must not be null");
            Objects.requireNonNull(value, "value must not be null");
        }

        @Override
        public Reaction reaction() {
            return Reaction.ACKNOWLEDGE;
        }
    }

    /**
     * Brings up what the agent did: a private contact just given, or a promise or refusal from earlier in the call.
     */
    record Recalled(Remembered deed) implements Cue {
        public Recalled {
            Objects.requireNonNull(deed, "deed must not be null");
        }

        @Override
        public Reaction reaction() {
            return Reaction.ACKNOWLEDGE;
        }
    }

    /** The silent customer's few words before they open up. */
    record Guarded() implements Cue {
        @Override
        public Reaction reaction() {
            return Reaction.ACKNOWLEDGE;
        }
    }

    /** Lets a line with nothing to take up pass: "行,你查,我等着。" */
    record GoOn() implements Cue {
        @Override
        public Reaction reaction() {
            return Reaction.ACKNOWLEDGE;
        }
    }

    /**
     * Takes the agent's goodbye when every remedy beat was offered but the customer is not yet won over: a curt
     * goodbye ("行吧,那就这样。"), not a complaint that nothing was solved.
     */
    record Settle() implements Cue {
        @Override
        public Reaction reaction() {
            return Reaction.CLOSE;
        }
    }

    /** A line of the current mood when nothing more specific is left; it makes the given reaction. */
    record Mood(Reaction reaction) implements Cue {
        public Mood {
            Objects.requireNonNull(reaction, "reaction must not be null");
        }
    }

    /** Thanks when satisfied, goodbye after the agent's close, last words when hanging up. */
    record Ending(TurnContext.Moment moment) implements Cue {
        public Ending {
            Objects.requireNonNull(moment, "moment must not be null");
            if (moment == TurnContext.Moment.TALK) {
                throw new IllegalArgumentException("talk is no ending");
            }
        }

        @Override
        public Reaction reaction() {
            return switch (moment) {
                case FAREWELL -> Reaction.CLOSE;
                case HANGUP -> Reaction.PUSHBACK;
                default -> Reaction.ACKNOWLEDGE;
            };
        }
    }
}
