package org.coachbot.roleplay.scenario;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step of a scenario's real remedy, e.g. "换到有热水的房间,或派工程部上门"; a call is resolved only when the
 * trainee has offered every beat and the customer has calmed down.
 *
 * @param label    what the step is, shown in the debrief and the coach's hint
 * @param patterns regular expressions over the normalised line
 * @param examples sentences an agent would say; a line close enough in meaning counts too
 */
public record RemedyBeat(String id, String label, List<Pattern> patterns, List<String> examples) {
    public RemedyBeat {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(label, "label must not be null");
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        if (patterns.isEmpty() && examples.isEmpty()) {
            throw new IllegalArgumentException("a remedy beat needs patterns or examples: " + id);
        }
    }
}
