package org.coachbot.roleplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies the rubric's detectors to one trainee line. */
public final class MoveDetector {
    private final Rubric rubric;

    public MoveDetector(Rubric rubric) {
        this.rubric = Objects.requireNonNull(rubric, "rubric must not be null");
    }

    /** The moves in the line, in rubric order; {@code turn} 1 is the trainee's first line. */
    public List<DetectedMove> detect(String line, int turn) {
        String normalised = TextNormalizer.normalize(line);
        List<DetectedMove> out = new ArrayList<>();
        for (Detector d : rubric.detectors()) {
            if ((d.firstTurnOnly() && turn != 1) || !d.matches(normalised)) {
                continue;
            }
            out.add(new DetectedMove(d.move(), d.polarity(), d.id(), d.dimension(), line.strip(), turn));
        }
        return out;
    }
}
