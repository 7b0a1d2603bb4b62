package org.coachbot.team;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone the bot has talked with, as Telegram last named them, and their reminder setting.
 *
 * @param zone         the time zone they named with {@code /remind}, or null for the team's default
 * @param remindAt     the local time of their daily reminder, or null when reminders are off
 * @param nextReminder when the next reminder is due, or null when reminders are off
 * @param reachable    they have written to the bot in the private chat, so the bot may write to them there;
 *                     Telegram refuses a bot that writes first
 */
public record Person(long id, String name, String username, Instant lastSeen, ZoneId zone, LocalTime remindAt,
                     Instant nextReminder, boolean reachable) {
    public Person {
        Objects.requireNonNull(name, "name must not be null");
        username = username == null ? "" : username;
        Objects.requireNonNull(lastSeen, "lastSeen must not be null");
        if ((remindAt == null) != (nextReminder == null)) {
            throw new IllegalArgumentException("a reminder needs both its local time and its next instant");
        }
    }

    /** The name people know them by: {@code 王小明 (@wxm)}, or the name alone. */
    public String displayName() {
        return username.isEmpty() ? name : name + " (@" + username + ")";
    }

    /** Their own time zone, or the team's. */
    public ZoneId zoneOr(ZoneId teamZone) {
        return zone == null ? teamZone : zone;
    }

    public Optional<LocalTime> reminder() {
        return Optional.ofNullable(remindAt);
    }
}
