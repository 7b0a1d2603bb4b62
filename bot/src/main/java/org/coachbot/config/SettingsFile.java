package org.coachbot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the commented {@code config/application.yaml} from the declarations: every section and key in declaration
 * order with its default, its help line, its environment variable and what it accepts. Secrets are only named.
 */
final class SettingsFile {
    /** The longest line, comments included. */
    static final int WIDTH = 120;

    private SettingsFile() {
    }

    /** The bot's settings file. */
    static String render() {
        return render(SettingCatalogue.BOT);
    }

    /** The whole text of a file with {@code catalogue}'s settings. */
    static String render(SettingCatalogue catalogue) {
        StringBuilder out = new StringBuilder();
        comment(out, "", "coach-bot settings, each with its default. Where a key names an environment variable, that"
                + " variable overrides the file.");
        comment(out, "", "Secrets are read from the environment only and never belong in this file:");
        for (Setting<?> secret : catalogue.secrets()) {
            comment(out, "#   ", "#     ", secret.env().orElseThrow() + ": " + secret.help());
        }
        comment(out, "", "Written from the declarations in bot/src/main/java/org/coachbot/config/*Config.java: a new"
                + " setting, a new default or a new comment goes there.");
        for (SettingGroup group : catalogue.groups()) {
            List<Setting<?>> settings = group.settings().stream().filter(s -> !s.secret()).toList();
            if (settings.isEmpty()) {
                continue;
            }
            out.append('\n').append(group.name()).append(":\n");
            for (Setting<?> setting : settings) {
                write(out, group, setting);
            }
        }
        return out.toString();
    }

    private static <T> void write(StringBuilder out, SettingGroup group, Setting<T> setting) {
        comment(out, "  ", setting.help());
        List<String> facts = new ArrayList<>();
        setting.env().ifPresent(variable -> facts.add("Environment: " + variable + "."));
        if (!setting.type().expected().isEmpty()) {
            facts.add("Expected: " + setting.type().expected() + ".");
        }
        if (!facts.isEmpty()) {
            comment(out, "  ", String.join(" ", facts));
        }
        out.append("  ").append(setting.key().substring(group.name().length() + 1)).append(": ")
                .append(setting.type().yaml(setting.defaultValue())).append('\n');
    }

    /** {@code text} as comment lines of at most {@link #WIDTH} characters, broken between words. */
    private static void comment(StringBuilder out, String indent, String text) {
        comment(out, indent + "# ", indent + "# ", text);
    }

    /** As {@link #comment(StringBuilder, String, String)}, the lines after the first starting with {@code next}. */
    private static void comment(StringBuilder out, String first, String next, String text) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(next);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }
}
