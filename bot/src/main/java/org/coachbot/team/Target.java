package org.coachbot.team;

import java.util.Locale;
import java.util.Objects;

/** What an assignment asks for: one scenario, or a drill of one dimension. */
public record Target(Kind kind, String id) {
    public enum Kind { SCENARIO, DIMENSION }

    public Target {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(id, "id must not be null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a target needs an id");
        }
    }

    public static Target scenario(String id) {
        return new Target(Kind.SCENARIO, id);
    }

    public static Target dimension(String id) {
        return new Target(Kind.DIMENSION, id);
    }

    /** As stored: {@code scenario:hotel-no-hot-water}. */
    public String key() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    /** Reads {@link #key()} back. */
    public static Target parse(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a target: " + key);
        }
        return new Target(Kind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)), key.substring(colon + 1));
    }
}
