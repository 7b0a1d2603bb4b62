package org.coachbot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one section of {@code application.yaml}, in the order they are declared and written. Each
 * section's class declares its settings through its group; {@link SettingCatalogue} lists the groups.
 */
final class SettingGroup {
    private final String name;
    private final List<Setting<?>> settings = new ArrayList<>();

    /** The section {@code name} of the file. */
    SettingGroup(String name) {
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("a section name is lower case: " + name);
        }
        this.name = name;
    }

    /** Starts declaring the setting {@code name} of this section, of {@code type} and {@code defaultValue}. */
    <T> Setting.Draft<T> setting(String name, SettingType<T> type, T defaultValue) {
        return new Setting.Draft<>(this, name, type, defaultValue);
    }

    /** The section's name, the first part of its settings' keys. */
    String name() {
        return name;
    }

    /** The settings in the order they were declared. */
    synchronized List<Setting<?>> settings() {
        return List.copyOf(settings);
    }

    synchronized <T> Setting<T> add(Setting<T> setting) {
        if (settings.stream().anyMatch(s -> s.key().equals(setting.key()))) {
            throw new IllegalStateException(setting.key() + " is declared twice");
        }
        settings.add(setting);
        return setting;
    }
}
