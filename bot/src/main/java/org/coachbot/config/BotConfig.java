package org.coachbot.config;

import org.coachbot.dashboard.DashboardSettings;
import org.coachbot.knowledge.KnowledgeLimits;
import org.coachbot.llm.LlmSettings;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every setting of the bot, after the YAML file and the environment have been merged and checked; read one with
 * {@code config.get(TelegramConfig.API_URL)}.
 */
public final class BotConfig {
    private final List<Setting<?>> settings;
    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> names;
    private final KnowledgeLimits knowledgeLimits;
    private final LlmSettings llm;
    private final DashboardSettings dashboard;

    /**
     * @param settings every declared setting, in the order of the file
     * @param values   each setting's value, of its setting's type
     * @param names    where each value came from, for error messages: its environment variable or its key
     */
    BotConfig(List<Setting<?>> settings, Map<Setting<?>, Object> values, Map<Setting<?>, String> names) {
        this.settings = List.copyOf(settings);
        this.values = Map.copyOf(values);
        this.names = Map.copyOf(names);
        // Rules between settings, checked now so that a bad pair stops the start like a bad value does.
        this.knowledgeLimits = KnowledgeConfig.limits(this);
        this.llm = LlmConfig.settings(this);
        this.dashboard = DashboardConfig.settings(this);
    }

    /** The value of {@code setting}: from the environment, else the file, else its default. */
    @SuppressWarnings("unchecked") // the loader stores each value as its setting's type reads it
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting);
        if (value == null) {
            throw new IllegalArgumentException(setting.key() + " is not loaded: list its section's group in "
                    + "SettingCatalogue.BOT");
        }
        return (T) value;
    }

    /**
     * How a message about {@code setting}'s value should name it: its environment variable when the value came
     * from there (or is unset and has one), else its key in the file.
     */
    public String nameOf(Setting<?> setting) {
        String name = names.get(setting);
        if (name == null) {
            throw new IllegalArgumentException(setting.key() + " is not loaded");
        }
        return name;
    }

    /** With a token the bot talks to Telegram; without one it chats on the console. */
    public boolean telegramMode() {
        return !get(TelegramConfig.BOT_TOKEN).isEmpty();
    }

    /** The knowledge limits, checked together. */
    public KnowledgeLimits knowledgeLimits() {
        return knowledgeLimits;
    }

    /** The language model settings, checked together; the API key is among them but never printed. */
    public LlmSettings llm() {
        return llm;
    }

    /** Where the team dashboard is served, checked together with the webhook. */
    public DashboardSettings dashboard() {
        return dashboard;
    }

    /** Every setting as {@code key=value}; a secret shows only whether it is set. */
    @Override
    public String toString() {
        return settings.stream().map(this::describe)
                .collect(Collectors.joining(", ", "BotConfig[", "]"));
    }

    private <T> String describe(Setting<T> setting) {
        T value = get(setting);
        if (setting.secret()) {
            return setting.key() + "=" + (value.equals(setting.defaultValue()) ? "(not set)" : "***");
        }
        return setting.key() + "=" + setting.type().yaml(value);
    }
}
