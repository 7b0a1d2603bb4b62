package org.coachbot.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting, declared once in its section's class ({@link TelegramConfig}, {@link LlmConfig}, ...): loading,
 * checking, the error message, {@code config/application.yaml} and {@link BotConfig#toString()} all come from here.
 *
 * @param <T> the type of its value
 */
public final class Setting<T> {
    private final String key;
    private final SettingType<T> type;
    private final T defaultValue;
    private final Optional<String> env;
    private final boolean secret;
    private final String help;

    private Setting(Draft<T> draft, String help) {
        this.key = draft.key;
        this.type = draft.type;
        this.defaultValue = draft.defaultValue;
        this.env = draft.env;
        this.secret = draft.secret;
        this.help = help;
    }

    /** The key in the file, {@code section.name}; a secret's key is never accepted there. */
    public String key() {
        return key;
    }

    /** The value when neither the environment nor the file sets one, or sets it blank. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The environment variable that overrides the file, if any. */
    public Optional<String> env() {
        return env;
    }

    /** A secret comes from the environment only and is never written to a file, a log line or an error. */
    public boolean secret() {
        return secret;
    }

    /** What the setting does, as the file's comment says it. */
    public String help() {
        return help;
    }

    SettingType<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return key;
    }

    /** A setting being declared: complete once it has its help line. */
    static final class Draft<T> {
        private final SettingGroup group;
        private final String key;
        private final SettingType<T> type;
        private final T defaultValue;
        private Optional<String> env = Optional.empty();
        private boolean secret;

        Draft(SettingGroup group, String name, SettingType<T> type, T defaultValue) {
            this.group = group;
            this.key = group.name() + "." + Objects.requireNonNull(name, "name must not be null");
            this.type = Objects.requireNonNull(type, "type must not be null");
            this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue must not be null");
        }

        /** The environment variable that overrides the file. */
        Draft<T> env(String variable) {
            if (!variable.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("environment variable must be upper case: " + variable);
            }
            this.env = Optional.of(variable);
            return this;
        }

        /** Read from the environment only, never from the file, and never shown. */
        Draft<T> secret() {
            this.secret = true;
            return this;
        }

        /** Completes the declaration with the comment the file shows above the key, and adds it to its section. */
        Setting<T> help(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(key + " needs a help line");
            }
            if (secret && env.isEmpty()) {
                throw new IllegalArgumentException(key + " is a secret and so needs an environment variable");
            }
            return group.add(new Setting<>(this, text.strip()));
        }
    }
}
