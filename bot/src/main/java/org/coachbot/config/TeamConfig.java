package org.coachbot.config;

import org.coachbot.roleplay.engine.Drill;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.integer;

/** The {@code team:} settings: drills and the scheduler that sends reminders, assignments and certificates. */
public final class TeamConfig {
    static final SettingGroup GROUP = new SettingGroup("team");

    public static final Setting<Integer> DRILL_TURNS = GROUP.setting("drill_turns",
                    integer(Drill.MIN_TURNS, Drill.MAX_TURNS), 3)
            .help("Trainee lines in a /drill: long enough to show the dimension, short enough for a break between"
                    + " calls.");

    public static final Setting<Duration> CHECK_INTERVAL = GROUP.setting("check_seconds",
                    duration(ChronoUnit.SECONDS, 1, 3600), Duration.ofSeconds(30))
            .help("Seconds between looks for due reminders, new assignments and certificates to send.");

    private TeamConfig() {
    }
}
