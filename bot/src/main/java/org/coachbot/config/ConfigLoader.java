package org.coachbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code config/application.yaml} (or {@code CONFIG_FILE}) and lets environment variables override it, for
 * every setting the section classes declare. Unknown keys are errors, so a typo or a secret pasted into the file
 * is caught at start-up.
 */
public final class ConfigLoader {
    /** Where the settings file is looked for when {@code CONFIG_FILE} is not set. */
    public static final String DEFAULT_CONFIG_FILE = "config/application.yaml";

    private final Map<String, String> env;
    private final SettingCatalogue catalogue;

    public ConfigLoader(Map<String, String> env) {
        this(env, SettingCatalogue.BOT);
    }

    ConfigLoader(Map<String, String> env, SettingCatalogue catalogue) {
        this.env = Map.copyOf(env);
        this.catalogue = catalogue;
    }

    /** Loads and validates every setting; throws {@link ConfigException} at the first bad value. */
    public BotConfig load() {
        JsonNode root = readFile();
        Map<Setting<?>, Object> values = new HashMap<>();
        Map<Setting<?>, String> names = new HashMap<>();
        for (Setting<?> setting : catalogue.all()) {
            Found found = find(setting, root);
            names.put(setting, found.name());
            values.put(setting, read(setting, found));
        }
        return new BotConfig(catalogue.all(), values, names);
    }

    /** A setting's text, null when unset, and the name it goes by in an error message. */
    private record Found(String name, String text) {
    }

    /** The environment first, then the file; an unset value is named as it is most likely to be set. */
    private Found find(Setting<?> setting, JsonNode root) {
        Optional<String> variable = setting.env();
        if (variable.isPresent() && (env.containsKey(variable.get()) || setting.secret())) {
            return new Found(variable.get(), env.get(variable.get()));
        }
        String text = fromFile(root, setting.key());
        return new Found(text == null ? variable.orElse(setting.key()) : setting.key(), text);
    }

    /** The value, or the default when it is unset or blank; a secret's value is never echoed in an error. */
    private static <T> T read(Setting<T> setting, Found found) {
        if (found.text() == null || found.text().isBlank()) {
            return setting.defaultValue();
        }
        try {
            return setting.type().parse(found.text().strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(found.name(), setting.secret() ? "***" : found.text(),
                    setting.type().expected());
        }
    }

    /** The text at {@code key}, a list joined with commas, or null when the file does not set it. */
    private static String fromFile(JsonNode root, String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder();
            node.forEach(n -> out.append(out.length() == 0 ? "" : ",").append(n.asText()));
            return out.toString();
        }
        return node.asText();
    }

    private JsonNode readFile() {
        String name = env.getOrDefault("CONFIG_FILE", "");
        Path file = Path.of(name.isBlank() ? DEFAULT_CONFIG_FILE : name);
        if (!Files.exists(file)) {
            if (!name.isBlank()) {
                throw new ConfigException("CONFIG_FILE", name, "an existing YAML file");
            }
            return null;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
            checkKeys(root, "", file);
            return root;
        } catch (IOException e) {
            throw new ConfigException("CONFIG_FILE", file.toString(),
                    "valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private void checkKeys(JsonNode node, String prefix, Path file) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode child = node.get(name);
            if (child.isObject()) {
                checkKeys(child, key, file);
            } else if (catalogue.find(key).filter(s -> !s.secret()).isEmpty()) {
                throw unknownKey(key, child.asText(), file);
            }
        });
    }

    /** A secret pasted into the file is named but not repeated: the error goes to the console and the log. */
    private ConfigException unknownKey(String key, String value, Path file) {
        // A declared key that the file may not set is a secret's.
        boolean secret = catalogue.find(key).isPresent()
                || key.contains("token") || key.contains("key") || key.contains("secret");
        if (!secret) {
            return new ConfigException(key, value, "one of the keys documented in " + file);
        }
        String variables = catalogue.secrets().stream().map(s -> s.env().orElseThrow())
                .collect(Collectors.joining(", "));
        return new ConfigException(key, "***",
                "no such key in " + file + " (secrets come only from the environment: " + variables + ")");
    }
}
