package org.coachbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.coachbot.dashboard.DashboardSettings;
import org.coachbot.knowledge.KnowledgeLimits;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code config/application.yaml} (or {@code CONFIG_FILE}) and lets environment variables override it.
 * Unknown keys are errors, so a typo or a secret pasted into the file is caught at start-up.
 */
public final class ConfigLoader {
    /** Where the settings file is looked for when {@code CONFIG_FILE} is not set. */
    public static final String DEFAULT_CONFIG_FILE = "config/application.yaml";
    private static final Set<String> KNOWN_KEYS = Set.of(
            "telegram.api_url", "telegram.messages_per_second", "telegram.messages_per_chat_per_second",
            "telegram.chat_burst", "telegram.handler_threads", "telegram.poll_timeout_seconds",
            "telegram.send_timeout_seconds", "telegram.max_reply_age_hours", "telegram.conflict_exit_seconds",
            "telegram.webhook_url", "telegram.webhook_port",
            "access.admin_ids", "access.allowed_user_ids", "knowledge.dir", "knowledge.reload_debounce_ms",
            "knowledge.max_sections_per_file", "knowledge.max_sections", "llm.max_concurrent_calls",
            "data.dir", "llm.provider", "llm.base_url", "llm.model", "llm.tip_timeout_seconds",
            "llm.roleplay_timeout_seconds", "llm.max_retries", "tips.max_chars", "roleplay.idle_minutes",
            "roleplay.pass_mark", "insights.retention_days", "insights.time_zone", "access.supervisor_ids",
            "team.drill_turns", "team.check_seconds",
            "dashboard.url", "dashboard.port", "dashboard.init_data_max_age_hours",
            "log.level");
    private static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads and validates every setting; throws {@link ConfigException} at the first bad value. */
    public BotConfig load() {
        Settings s = new Settings(readFile(), env);
        LlmProvider provider = s.provider();
        LlmSettings llm = new LlmSettings(provider,
                s.text("llm.base_url", "LLM_BASE_URL", ""),
                s.text("llm.model", "LLM_MODEL", ""),
                env.getOrDefault("LLM_API_KEY", ""),
                Duration.ofSeconds(s.integer("llm.tip_timeout_seconds", null, 8, 1, 600)),
                Duration.ofSeconds(s.integer("llm.roleplay_timeout_seconds", null, 15, 1, 600)),
                s.integer("llm.max_retries", null, 0, 0, 5),
                s.integer("llm.max_concurrent_calls", "LLM_MAX_CONCURRENT_CALLS",
                        LlmSettings.DEFAULT_MAX_CONCURRENT_CALLS, 1, 256));
        checkLlm(llm);
        return new BotConfig(
                env.getOrDefault("BOT_TOKEN", ""),
                s.origin("telegram.api_url", "TELEGRAM_API_URL", "https://api.telegram.org"),
                s.decimal("telegram.messages_per_second", 30, 0.1, 1000),
                s.decimal("telegram.messages_per_chat_per_second", 1, 0.01, 100),
                s.integer("telegram.chat_burst", null, 3, 1, 100),
                s.integer("telegram.handler_threads", null, 8, 1, 256),
                s.integer("telegram.poll_timeout_seconds", null, 30, 0, 100),
                Duration.ofSeconds(s.integer("telegram.send_timeout_seconds", null, 20, 1, 300)),
                Duration.ofHours(s.integer("telegram.max_reply_age_hours", null, 24, 1, 24 * 30)),
                Duration.ofSeconds(s.integer("telegram.conflict_exit_seconds", null, 60, 1, 3600)),
                s.optionalUrl("telegram.webhook_url", "WEBHOOK_URL"),
                s.integer("telegram.webhook_port", "WEBHOOK_PORT", 8080, 1, 65535),
                webhookSecret(),
                s.ids("access.admin_ids", "ADMIN_IDS"),
                s.ids("access.allowed_user_ids", "ALLOWED_USER_IDS"),
                Optional.of(s.text("knowledge.dir", "KNOWLEDGE_DIR", "")).filter(d -> !d.isEmpty()).map(Path::of),
                Duration.ofMillis(s.integer("knowledge.reload_debounce_ms", null, 500, 50, 60_000)),
                knowledgeLimits(s),
                Path.of(s.text("data.dir", "DATA_DIR", "./data")),
                llm,
                s.integer("tips.max_chars", null, 300, 200, 4000),
                Duration.ofMinutes(s.integer("roleplay.idle_minutes", null, 30, 1, 24 * 60)),
                s.integer("roleplay.pass_mark", null, 80, 1, 100),
                Duration.ofDays(s.integer("insights.retention_days", "INSIGHTS_RETENTION_DAYS", 365, 1, 3650)),
                s.zone("insights.time_zone", "INSIGHTS_TIME_ZONE", "Asia/Shanghai"),
                s.logLevel(),
                s.ids("access.supervisor_ids", "SUPERVISOR_IDS"),
                s.integer("team.drill_turns", null, 3, 2, 4),
                Duration.ofSeconds(s.integer("team.check_seconds", null, 30, 1, 3600)),
                dashboard(s));
    }

    /** The dashboard's public address must be HTTPS, and its port not the webhook's. */
    private static DashboardSettings dashboard(Settings s) {
        Optional<URI> url = s.optionalUrl("dashboard.url", "WEBAPP_URL");
        String name = s.env().containsKey("WEBAPP_URL") ? "WEBAPP_URL" : "dashboard.url";
        if (url.isPresent() && (!"https".equals(url.get().getScheme()) || url.get().getRawQuery() != null
                || url.get().getRawFragment() != null)) {
            throw new ConfigException(name, url.get().toString(),
                    "an https:// address without query, e.g. https://bot.example.com/dashboard (Telegram opens Mini "
                            + "Apps over HTTPS only)");
        }
        int port = s.integer("dashboard.port", "WEBAPP_PORT", DashboardSettings.DEFAULT_PORT, 1, 65535);
        if (url.isPresent() && s.optionalUrl("telegram.webhook_url", "WEBHOOK_URL").isPresent()
                && port == s.integer("telegram.webhook_port", "WEBHOOK_PORT", 8080, 1, 65535)) {
            throw new ConfigException(s.env().containsKey("WEBAPP_PORT") ? "WEBAPP_PORT" : "dashboard.port",
                    Integer.toString(port), "a port other than the webhook's (WEBHOOK_PORT)");
        }
        return new DashboardSettings(url, port, Duration.ofHours(s.integer("dashboard.init_data_max_age_hours",
                null, (int) DashboardSettings.DEFAULT_MAX_INIT_DATA_AGE.toHours(), 1, 24 * 7)));
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

    private static void checkKeys(JsonNode node, String prefix, Path file) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            JsonNode child = node.get(name);
            if (child.isObject()) {
                checkKeys(child, key, file);
            } else if (!KNOWN_KEYS.contains(key)) {
                String hint = key.contains("token") || key.contains("key") || key.contains("secret")
                        ? "no such key in " + file + " (secrets come only from the environment: BOT_TOKEN, "
                        + "LLM_API_KEY, WEBHOOK_SECRET)"
                        : "one of the keys documented in " + file;
                throw new ConfigException(key, child.asText(), hint);
            }
        });
    }

    /** Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - as a webhook secret token. */
    private String webhookSecret() {
        String secret = env.getOrDefault("WEBHOOK_SECRET", "").strip();
        if (!secret.isEmpty() && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            // The value is a secret: the message names the variable, never what it holds.
            throw new ConfigException("WEBHOOK_SECRET", "***", "1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        return secret;
    }

    private static KnowledgeLimits knowledgeLimits(Settings s) {
        int perFile = s.integer("knowledge.max_sections_per_file", "KNOWLEDGE_MAX_SECTIONS_PER_FILE",
                KnowledgeLimits.DEFAULT_SECTIONS_PER_FILE, 1, 100_000);
        int total = s.integer("knowledge.max_sections", "KNOWLEDGE_MAX_SECTIONS", KnowledgeLimits.DEFAULT_SECTIONS,
                1, 1_000_000);
        if (total < perFile) {
            throw new ConfigException(s.env().containsKey("KNOWLEDGE_MAX_SECTIONS") ? "KNOWLEDGE_MAX_SECTIONS"
                    : "knowledge.max_sections", Integer.toString(total),
                    "at least knowledge.max_sections_per_file (" + perFile + ")");
        }
        return new KnowledgeLimits(perFile, total);
    }

    private static void checkLlm(LlmSettings llm) {
        if (!llm.enabled()) {
            return;
        }
        if (llm.provider() == LlmProvider.OPENAI && llm.baseUrl().isEmpty()) {
            throw new ConfigException("LLM_BASE_URL", "", "the endpoint URL when LLM_PROVIDER=openai");
        }
        if (!llm.baseUrl().isEmpty()) {
            Settings.parseUrl("LLM_BASE_URL", llm.baseUrl());
        }
        if (llm.model().isEmpty()) {
            throw new ConfigException("LLM_MODEL", "", "a model name when LLM_PROVIDER is "
                    + llm.provider().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Looks a key up in the environment first, then in the file, then falls back to the default. */
    private record Settings(JsonNode root, Map<String, String> env) {

        String raw(String key, String envName) {
            if (envName != null && env.containsKey(envName)) {
                return env.get(envName);
            }
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

        String text(String key, String envName, String fallback) {
            String value = raw(key, envName);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        int integer(String key, String envName, int fallback, int min, int max) {
            String value = raw(key, envName);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the expected range
            }
            throw new ConfigException(key, value, "a whole number from " + min + " to " + max);
        }

        double decimal(String key, double fallback, double min, double max) {
            String value = raw(key, null);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                double n = Double.parseDouble(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the expected range
            }
            throw new ConfigException(key, value, "a number from " + min + " to " + max);
        }

        URI url(String key, String envName, String fallback) {
            String value = text(key, envName, fallback);
            return parseUrl(envName != null && env.containsKey(envName) ? envName : key, value);
        }

        /** An http(s) URL, or empty when the key is not set. */
        Optional<URI> optionalUrl(String key, String envName) {
            String value = text(key, envName, "");
            return value.isEmpty() ? Optional.empty()
                    : Optional.of(parseUrl(envName != null && env.containsKey(envName) ? envName : key, value));
        }

        /** A URL of scheme, host and port only, as the Telegram client builds its own paths. */
        URI origin(String key, String envName, String fallback) {
            URI uri = url(key, envName, fallback);
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
                throw new ConfigException(envName != null && env.containsKey(envName) ? envName : key,
                        uri.toString(), "scheme, host and port only, such as http://127.0.0.1:8081");
            }
            return uri;
        }

        static URI parseUrl(String key, String value) {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (Exception ignored) {
                // reported below
            }
            throw new ConfigException(key, value, "an http:// or https:// URL such as http://127.0.0.1:8081");
        }

        Set<Long> ids(String key, String envName) {
            String value = raw(key, envName);
            Set<Long> ids = new LinkedHashSet<>();
            if (value == null || value.isBlank()) {
                return ids;
            }
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    String name = envName != null && env.containsKey(envName) ? envName : key;
                    throw new ConfigException(name, value, "comma-separated numeric Telegram user ids, e.g. 12345,67890");
                }
            }
            return ids;
        }

        LlmProvider provider() {
            String value = text("llm.provider", "LLM_PROVIDER", "none");
            try {
                return LlmProvider.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String name = env.containsKey("LLM_PROVIDER") ? "LLM_PROVIDER" : "llm.provider";
                throw new ConfigException(name, value, "one of none, openai, ollama");
            }
        }

        ZoneId zone(String key, String envName, String fallback) {
            String value = text(key, envName, fallback);
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new ConfigException(env.containsKey(envName) ? envName : key, value,
                        "a time zone such as Asia/Shanghai, Asia/Taipei or UTC+8");
            }
        }

        String logLevel() {
            String value = text("log.level", "LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(value)) {
                String name = env.containsKey("LOG_LEVEL") ? "LOG_LEVEL" : "log.level";
                throw new ConfigException(name, value, "one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
            }
            return value;
        }
    }
}
