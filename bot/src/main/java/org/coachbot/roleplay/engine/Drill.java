package org.coachbot.roleplay.engine;

import java.util.Objects;

/**
 * What makes a session a drill: a short practice aimed at one rubric dimension, which ends after a fixed number
 * of trainee lines and is judged on that dimension alone.
 *
 * @param dimension the rubric dimension id the drill trains, empty for a full session
 * @param turns     trainee lines after which the drill ends, 0 for a full session
 */
public record Drill(String dimension, int turns) {
    /** A full session: no focus, the engine's own turn limit. */
    public static final Drill NONE = new Drill("", 0);
    /** Fewest and most trainee lines a drill may have. */
    public static final int MIN_TURNS = 2;
    public static final int MAX_TURNS = 4;

    public Drill {
        Objects.requireNonNull(dimension, "dimension must not be null");
        if (dimension.isEmpty() != (turns == 0)) {
            throw new IllegalArgumentException("a drill needs both a dimension and a number of turns");
        }
        if (turns != 0 && (turns < MIN_TURNS || turns > MAX_TURNS)) {
            throw new IllegalArgumentException("a drill has 2..4 turns: " + turns);
        }
    }

    /** A drill of {@code turns} lines on {@code dimension}. */
    public static Drill of(String dimension, int turns) {
        if (dimension.isEmpty()) {
            throw new IllegalArgumentException("dimension must not be empty");
        }
        return new Drill(dimension, turns);
    }

    /** True for a drill, false for a full session. */
    public boolean active() {
        return !dimension.isEmpty();
    }
}
