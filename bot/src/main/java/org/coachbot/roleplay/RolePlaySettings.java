package org.coachbot.roleplay;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the role-play desk.
 *
 * @param idleTimeout a session nobody spoke in for this long ends, with a note on the trainee's next message
 * @param maxTurns    trainee lines after which an unresolved customer gives up
 * @param historySize finished sessions {@code /progress} looks at
 */
public record RolePlaySettings(Duration idleTimeout, int maxTurns, int historySize) {
    /** 30 minutes: long enough for a trainee to be called away to a real customer and come back. */
    public static final RolePlaySettings DEFAULTS =
            new RolePlaySettings(Duration.ofMinutes(30), RolePlayEngine.DEFAULT_MAX_TURNS, 10);

    public RolePlaySettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0");
        }
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1");
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1");
        }
    }
}
