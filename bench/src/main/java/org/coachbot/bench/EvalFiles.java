package org.coachbot.bench;

import java.util.List;

/**
 * The role-play evaluation files on the classpath, each marked as a set the rubric and scenarios were tuned on or
 * a held-out one. Set a and the first labelled lines were looked at while writing patterns and examples; set b was
 * written beside them and only ever reported in aggregate; set c was written afterwards, by someone who saw neither
 * the rubric nor the other sets.
 */
final class EvalFiles {
    /** One file and whether it was tuned on. */
    record Set(String resource, boolean tuning) {
        String label() {
            return resource.substring(resource.lastIndexOf('/') + 1) + (tuning ? " (tuning)" : " (held out)");
        }
    }

    static final List<Set> CALIBRATION = List.of(new Set("eval/calibration-a.yaml", true),
            new Set("eval/calibration-b.yaml", false), new Set("eval/calibration-c.yaml", false));
    static final List<Set> MOVES = List.of(new Set("eval/moves.tsv", true), new Set("eval/moves-c.tsv", false));
    static final List<Set> FACT_QUESTIONS = List.of(new Set("eval/fact-questions.tsv", true),
            new Set("eval/fact-questions-c.tsv", false));

    private EvalFiles() {
    }
}
