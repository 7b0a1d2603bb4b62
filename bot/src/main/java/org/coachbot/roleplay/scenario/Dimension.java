package org.coachbot.roleplay.scenario;

import java.util.Objects;

/** One scored dimension of the rubric, e.g. {@code courtesy 礼貌与规范用语}. */
public record Dimension(String id, String name, double weight, String description, int baseline) {
    public Dimension {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(name, "name must not be null");
        description = description == null ? "" : description;
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0: " + id);
        }
        if (baseline < 0 || baseline > 100) {
            throw new IllegalArgumentException("baseline must be within 0..100: " + id);
        }
    }
}
