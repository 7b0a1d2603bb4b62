package org.coachbot.config;

import java.util.Set;

import static org.coachbot.config.SettingType.ids;

/** The {@code access:} settings: who administers the knowledge, who supervises, and who may use the bot at all. */
public final class AccessConfig {
    static final SettingGroup GROUP = new SettingGroup("access");

    public static final Setting<Set<Long>> ADMIN_IDS = GROUP.setting("admin_ids", ids(), Set.of())
            .env("ADMIN_IDS")
            .help("Telegram user ids allowed to change the knowledge.");

    public static final Setting<Set<Long>> ALLOWED_USER_IDS = GROUP.setting("allowed_user_ids", ids(), Set.of())
            .env("ALLOWED_USER_IDS")
            .help("If not empty, only these user ids may use the bot.");

    public static final Setting<Set<Long>> SUPERVISOR_IDS = GROUP.setting("supervisor_ids", ids(), Set.of())
            .env("SUPERVISOR_IDS")
            .help("Telegram user ids of supervisors: /team, /team export and /assign. Admins are supervisors too;"
                    + " supervisors cannot change the knowledge.");

    private AccessConfig() {
    }
}
