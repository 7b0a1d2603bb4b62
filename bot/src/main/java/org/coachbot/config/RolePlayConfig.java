package org.coachbot.config;

import org.coachbot.roleplay.RolePlaySettings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.integer;

/** The {@code roleplay:} settings: how long a practice session waits and what it takes to pass. */
public final class RolePlayConfig {
    static final SettingGroup GROUP = new SettingGroup("roleplay");

    public static final Setting<Duration> IDLE = GROUP.setting("idle_minutes", duration(ChronoUnit.MINUTES, 1,
                    24 * 60), RolePlaySettings.DEFAULT_IDLE_TIMEOUT)
            .help("Minutes without a message before a practice session expires.");

    /** A total score is out of 100; a pass mark of 0 would pass every session. */
    public static final Setting<Integer> PASS_MARK = GROUP.setting("pass_mark", integer(1, 100),
                    RolePlaySettings.DEFAULT_PASS_MARK)
            .help("Total score a practice session needs to pass; the scorecard shows the verdict against it. The"
                    + " team's drills, reminders and certificates use the same mark.");

    private RolePlayConfig() {
    }
}
