package org.coachbot.roleplay;

import java.util.List;
import java.util.Optional;

/** How a session is scored: the dimensions and the detectors that move them. */
public record Rubric(List<Dimension> dimensions, List<Detector> detectors) {
    /** The dimension ids every rubric must define (the radar chart and the history rely on them). */
    public static final List<String> REQUIRED_DIMENSIONS =
            List.of("courtesy", "empathy", "positive_language", "resolution", "questioning", "ownership");

    public Rubric {
        dimensions = List.copyOf(dimensions);
        detectors = List.copyOf(detectors);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one dimension");
        }
    }

    public Optional<Detector> detector(String id) {
        return detectors.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Detectors of a move, in file order: the advice of the good ones tells the trainee what to say. */
    public List<Detector> detectorsFor(MoveKind move) {
        return detectors.stream().filter(d -> d.move() == move).toList();
    }
}
