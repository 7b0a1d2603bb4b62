package org.coachbot.config;

import java.nio.file.Path;

import static org.coachbot.config.SettingType.path;

/** The {@code data:} settings: where the bot keeps what it learns and what admins change. */
public final class DataConfig {
    static final SettingGroup GROUP = new SettingGroup("data");

    public static final Setting<Path> DIR = GROUP.setting("dir", path(), Path.of("./data"))
            .env("DATA_DIR")
            .help("Folder for the knowledge in service (knowledge/), the database, embedding cache, versions and"
                    + " audit log; created if missing.");

    private DataConfig() {
    }
}
