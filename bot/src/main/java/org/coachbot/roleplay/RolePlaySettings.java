package org.coachbot.roleplay;

import org.coachbot.roleplay.engine.RolePlayEngine;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the role-play desk.
 *
 * @param idleTimeout a session nobody spoke in for this long ends, with a note on the trainee's next message
 * @param maxTurns    trainee lines after which an unresolved customer gives up
 * @param historySize finished sessions {@code /progress} looks at
 * @param passMark    total a session needs to pass, within the bounds of the setting {@code roleplay.pass_mark}
 */
public record RolePlaySettings(Duration idleTimeout, int maxTurns, int historySize, int passMark) {
    /** A trainer's bar: only a resolved call with the real remedy reaches it. */
    public static final int DEFAULT_PASS_MARK = 80;
    /** Long enough for a trainee to be called away to a real customer and come back. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final RolePlaySettings DEFAULTS =
            new RolePlaySettings(DEFAULT_IDLE_TIMEOUT, RolePlayEngine.DEFAULT_MAX_TURNS, 10, DEFAULT_PASS_MARK);

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
