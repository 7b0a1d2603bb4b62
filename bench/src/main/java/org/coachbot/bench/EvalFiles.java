package org.coachbot.bench;

import java.util.List;

/**
 * The role-play evaluation files on the classpath, each marked as a set the rubric and scenarios were tuned on or
 * a held-out one. Set a and the first labelled lines were looked at while writing patterns and examples; sets b and c
 * were reported in aggregate while the scorer was tuned, so they count as tuning sets now. Sets d (90 calls, 6 per
 * scenario) and e (60 calls) were written blind, by people who saw only the seed decks, the grading scale and each
 * scenario's briefing and fact sheet, and committed before the scorer was tuned against them; they are only ever
 * reported in aggregate. Set t3 (60 calls) was written blind like d and e and is a tuning set: its misses show the
 * kinds of failure the held-out sets are likely to share. The fact questions of set c were held out until the customer learned to hear
 * kinds of question, and tuned on from then. The reaction-fit lines {@code lines-t} are the tuning set; the
 * {@code lines-l*} sets were written blind by others and are only ever reported in aggregate.
 */
final class EvalFiles {
    /** One file and whether it was tuned on. */
    record Set(String resource, boolean tuning) {
        String label() {
            return resource.substring(resource.lastIndexOf('/') + 1) + (tuning ? " (tuning)" : " (held out)");
        }
    }

    static final List<Set> CALIBRATION = List.of(new Set("eval/calibration-a.yaml", true),
            new Set("eval/calibration-b.yaml", true), new Set("eval/calibration-c.yaml", true),
            new Set("eval/calibration-t2.yaml", true), new Set("eval/calibration-t3.yaml", true),
            new Set("eval/calibration-t4.yaml", true),
            new Set("eval/calibration-d.yaml", false), new Set("eval/calibration-e.yaml", false));
    static final List<Set> MOVES = List.of(new Set("eval/moves.tsv", true), new Set("eval/moves-c.tsv", false));
    static final List<Set> FACT_QUESTIONS = List.of(new Set("eval/fact-questions.tsv", true),
            new Set("eval/fact-questions-c.tsv", true));
    /** Trainee lines with the reactions they call for; a held-out set not committed yet is skipped. */
    static final List<Set> LINES = List.of(new Set("eval/lines-t.tsv", true), new Set("eval/lines-t2.tsv", true),
            new Set("eval/lines-t3.tsv", true), new Set("eval/lines-t4.tsv", true),
            new Set("eval/lines-l1.tsv", false),
            new Set("eval/lines-l2.tsv", false));

    private EvalFiles() {
    }
}
