package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the rubric's detectors to one trainee line: a detector fires when one of its regexes occurs in the line,
 * or when a clause is close enough in meaning to one of its examples. Good moves are not heard by meaning in a
 * negated clause, because "没法给您换房" and "给您换房" are close in meaning but opposite in effect.
 */
public final class MoveDetector {
    private final Rubric rubric;
    private final Meaning meaning;

    public MoveDetector(Rubric rubric, Meaning meaning) {
        this.rubric = Objects.requireNonNull(rubric, "rubric must not be null");
        this.meaning = Objects.requireNonNull(meaning, "meaning must not be null");
    }

    /** The moves in the line, in rubric order; {@code turn} 1 is the trainee's first line. */
    public List<DetectedMove> detect(String line, int turn) {
        String normalised = TextNormalizer.normalize(line);
        return detect(line, normalised, Clauses.of(normalised), turn);
    }

    /** As {@link #detect(String, int)} for a line already normalised and split. */
    List<DetectedMove> detect(String line, String normalised, List<String> clauses, int turn) {
        List<String> affirmative = clauses.stream().filter(c -> !rubric.language().negated(c)).toList();
        List<DetectedMove> out = new ArrayList<>();
        for (Detector d : rubric.detectors()) {
            if (d.firstTurnOnly() && turn != 1) {
                continue;
            }
            double threshold = d.move().bad() ? rubric.thresholds().badMoves() : rubric.thresholds().moves();
            boolean byMeaning = !d.examples().isEmpty()
                    && meaning.closeness(d.move().bad() ? clauses : affirmative, d.examples()) >= threshold;
            if (d.matches(normalised) || byMeaning) {
                out.add(new DetectedMove(d.move(), d.polarity(), d.id(), d.dimension(), line.strip(), turn));
            }
        }
        return out;
    }
}
