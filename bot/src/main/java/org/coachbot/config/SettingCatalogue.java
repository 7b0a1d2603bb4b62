package org.coachbot.config;

import java.util.List;
import java.util.Optional;

/**
 * Sections of settings, in the order {@code application.yaml} shows them. A new setting is declared in its
 * section's class alone; a new section is a new class listed in {@link #BOT}.
 */
record SettingCatalogue(List<SettingGroup> groups) {
    /** Every section of the bot. Naming a section's group loads its class, which declares its settings. */
    static final SettingCatalogue BOT = new SettingCatalogue(List.of(TelegramConfig.GROUP, AccessConfig.GROUP,
            KnowledgeConfig.GROUP, DataConfig.GROUP, LlmConfig.GROUP, TipsConfig.GROUP, RolePlayConfig.GROUP,
            InsightsConfig.GROUP, TeamConfig.GROUP, DashboardConfig.GROUP, LogConfig.GROUP));

    SettingCatalogue {
        groups = List.copyOf(groups);
    }

    /** Every setting, secrets included, section by section. */
    List<Setting<?>> all() {
        return groups.stream().flatMap(g -> g.settings().stream()).toList();
    }

    /** The settings the file may set: all but the secrets. */
    List<Setting<?>> inFile() {
        return all().stream().filter(s -> !s.secret()).toList();
    }

    /** The secrets, which only the environment may set. */
    List<Setting<?>> secrets() {
        return all().stream().filter(Setting::secret).toList();
    }

    /** The setting with this key, secrets included. */
    Optional<Setting<?>> find(String key) {
        return all().stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
