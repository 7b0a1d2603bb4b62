package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;

import java.util.List;

/** How close in meaning a trainee's line is to example phrases; lets the rubric recognise moves beyond regexes. */
@FunctionalInterface
public interface Meaning {
    /** Recognises nothing by meaning: only the regular expressions count. */
    Meaning NONE = (clauses, examples) -> 0;

    /**
     * The highest cosine between any clause of the line and any example; 0 when there is nothing to compare.
     *
     * @param clauses the normalised line and its clauses, see {@link Clauses#of}
     */
    double closeness(List<String> clauses, List<String> examples);

    /**
     * For each clause, the probability that it makes each move kind (indexed by {@link MoveKind#ordinal()}), as
     * learned from the rubric's example phrases; all 0 when moves are heard by their regular expressions only.
     */
    default double[][] moves(Rubric rubric, List<String> clauses) {
        return new double[clauses.size()][MoveKind.values().length];
    }
}
