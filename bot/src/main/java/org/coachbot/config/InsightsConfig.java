package org.coachbot.config;

import org.coachbot.insights.SqliteQuestionLog;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.zone;

/** The {@code insights:} settings: how long agents' questions are kept and in which time zone days are counted. */
public final class InsightsConfig {
    static final SettingGroup GROUP = new SettingGroup("insights");

    public static final Setting<Duration> RETENTION = GROUP.setting("retention_days", duration(ChronoUnit.DAYS, 1,
                    3650), SqliteQuestionLog.DEFAULT_RETENTION)
            .env("INSIGHTS_RETENTION_DAYS")
            .help("Days agents' questions and their 👍/👎 are kept for /gaps and /stats; older ones are deleted at"
                    + " start and once a day.");

    public static final Setting<ZoneId> TIME_ZONE = GROUP.setting("time_zone", zone(), ZoneId.of("Asia/Shanghai"))
            .env("INSIGHTS_TIME_ZONE")
            .help("The team's time zone: /stats counts days in it and dates typed after /gaps are read in it; it is"
                    + " also the clock of reminders for trainees who named no zone with /remind, of due dates, and of"
                    + " the dates in /team and its CSV export.");

    private InsightsConfig() {
    }
}
