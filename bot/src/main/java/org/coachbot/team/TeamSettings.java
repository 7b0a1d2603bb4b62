package org.coachbot.team;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Tunables of the team feature; the pass mark and the drill length are checked against the bounds of their
 * settings, {@code roleplay.pass_mark} and {@code team.drill_turns}.
 *
 * @param zone       the team's time zone: of trainees who did not name their own, of due dates and reports
 * @param passMark   the score a session, a dimension and a certificate scenario need, as in role-play
 * @param drillTurns trainee lines in a drill
 * @param tick       how often due reminders, assignments and certificates are looked for
 */
public record TeamSettings(ZoneId zone, int passMark, int drillTurns, Duration tick) {
    public TeamSettings {
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(tick, "tick must not be null");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be > 0");
        }
    }
}
