package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Language;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.TextNormalizer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the rubric's detectors to one trainee line: a detector fires when one of its regexes occurs in the line;
 * a move also counts when a clause makes it by meaning, as the {@link MoveClassifier} trained on the rubric's
 * examples judges, at or above the rubric's threshold. Good moves are not heard by meaning in a negated clause.
 */
public final class MoveDetector {
    /**
     * A bad move heard by meaning must also be this close to one of its examples: the classifier alone accuses
     * lines that share a topic with an offence ("这不是您的错"), and a false offence wrongs the trainee.
     */
    static final double BAD_MOVE_CLOSENESS = 0.86;
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
        Language language = rubric.language();
        double[][] likely = meaning.moves(rubric, clauses);
        double[] heard = new double[MoveKind.values().length];
        for (int i = 0; i < clauses.size(); i++) {
            boolean negated = language.negated(clauses.get(i));
            for (MoveKind k : MoveKind.values()) {
                // "没法给您换房" and "给您换房" are close in meaning but opposite in effect.
                if (k.bad() || !negated) {
                    heard[k.ordinal()] = Math.max(heard[k.ordinal()], likely[i][k.ordinal()]);
                }
            }
        }
        List<DetectedMove> out = new ArrayList<>();
        Set<MoveKind> byPattern = EnumSet.noneOf(MoveKind.class);
        for (Detector d : rubric.detectors()) {
            if (applies(d, turn) && d.matches(normalised)) {
                out.add(move(d, line, turn));
                byPattern.add(d.move());
            }
        }
        Set<MoveKind> byMeaning = EnumSet.noneOf(MoveKind.class);
        // "好的,那就这样,晚安" resembles "那就这样呗" but takes leave: a brush-off must be said outright.
        if (language.farewell(normalised)) {
            byMeaning.add(MoveKind.DISMISSIVE);
        }
        for (Detector d : rubric.detectors()) {
            MoveKind k = d.move();
            double threshold = k.bad() ? rubric.thresholds().badMoves() : rubric.thresholds().moves();
            // A move heard by meaning is credited to its first detector with examples, once.
            if (applies(d, turn) && !d.examples().isEmpty() && !byPattern.contains(k) && !byMeaning.contains(k)
                    && heard[k.ordinal()] >= threshold
                    && (!k.bad() || meaning.closeness(clauses, d.examples()) >= BAD_MOVE_CLOSENESS)) {
                out.add(move(d, line, turn));
                byMeaning.add(k);
            }
        }
        return out;
    }

    private static boolean applies(Detector d, int turn) {
        return !d.firstTurnOnly() || turn == 1;
    }

    private static DetectedMove move(Detector d, String line, int turn) {
        return new DetectedMove(d.move(), d.polarity(), d.id(), d.dimension(), line.strip(), turn);
    }
}
