package org.coachbot.config;

import static org.coachbot.config.SettingType.choice;

/** The {@code log:} settings. */
public final class LogConfig {
    static final SettingGroup GROUP = new SettingGroup("log");

    public static final Setting<String> LEVEL = GROUP.setting("level",
                    choice("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"), "INFO")
            .env("LOG_LEVEL")
            .help("How much the bot logs.");

    private LogConfig() {
    }
}
