package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;

import java.util.List;
import java.util.Map;

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
     * For each clause, the probability of each move kind (indexed by {@link MoveKind#ordinal()}) by a classifier
     * learned from these examples, each kind's against the others' and the neutral lines; all 0 when nothing is
     * heard by meaning. An implementation may keep the classifier for the same map object, so a caller passes the
     * same one every time.
     */
    default double[][] classify(Map<MoveKind, List<String>> examples, List<String> neutral, List<String> clauses) {
        return new double[clauses.size()][MoveKind.values().length];
    }

    /**
     * For each clause, the probability that it makes each move kind (indexed by {@link MoveKind#ordinal()}), as
     * learned from the rubric's example phrases; all 0 when moves are heard by their regular expressions only.
     */
    default double[][] moves(Rubric rubric, List<String> clauses) {
        return new double[clauses.size()][MoveKind.values().length];
    }
}
