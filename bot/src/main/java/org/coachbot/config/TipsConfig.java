package org.coachbot.config;

import static org.coachbot.config.SettingType.integer;

/** The {@code tips:} settings: how a tip reads for an agent mid-call. */
public final class TipsConfig {
    static final SettingGroup GROUP = new SettingGroup("tips");

    public static final Setting<Integer> MAX_CHARS = GROUP.setting("max_chars", integer(200, 4000), 300)
            .help("Longest first message of a tip in characters, as the agent sees it: the technique, a sentence to"
                    + " say and the source, read at a glance mid-call. 展开 shows the whole section, 换一个 the next"
                    + " best one.");

    private TipsConfig() {
    }
}
