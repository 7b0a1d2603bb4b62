package org.coachbot.config;

import org.coachbot.llm.LlmProvider;
import org.coachbot.llm.LlmSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private BotConfig load(Map<String, String> env) {
        return new ConfigLoader(env).load();
    }

    private Map<String, String> withFile(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, yaml);
        var all = new java.util.HashMap<>(env);
        all.put("CONFIG_FILE", file.toString());
        return all;
    }

    @Test
    void should_use_defaults_when_nothing_is_set() throws Exception {
        BotConfig config = load(withFile("{}", Map.of()));

        assertFalse(config.telegramMode());
        assertEquals("https://api.telegram.org", config.get(TelegramConfig.API_URL).toString());
        assertEquals(LlmProvider.NONE, config.llm().provider());
        assertEquals(Optional.empty(), config.get(KnowledgeConfig.DIR), "the knowledge inside the jar");
        assertEquals(30, config.get(TelegramConfig.MESSAGES_PER_SECOND));
    }

    @Test
    void should_let_environment_override_the_file() throws Exception {
        Map<String, String> env = withFile("""
                telegram:
                  api_url: https://api.telegram.org
                access:
                  admin_ids: [1, 2]
                """, Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081", "ADMIN_IDS", "42, 43",
                "BOT_TOKEN", "123:abc", "KNOWLEDGE_DIR", "/kb", "DATA_DIR", "/data"));

        BotConfig config = load(env);

        assertEquals("http://127.0.0.1:8081", config.get(TelegramConfig.API_URL).toString());
        assertEquals(Set.of(42L, 43L), config.get(AccessConfig.ADMIN_IDS));
        assertTrue(config.telegramMode());
        assertEquals(Optional.of(Path.of("/kb")), config.get(KnowledgeConfig.DIR));
        assertEquals(Path.of("/data"), config.get(DataConfig.DIR));
    }

    @Test
    void should_name_key_value_and_expectation_when_admin_ids_are_not_numbers() throws Exception {
        Map<String, String> env = withFile("{}", Map.of("ADMIN_IDS", "alice"));

        ConfigException e = assertThrows(ConfigException.class, () -> load(env));

        assertEquals("ADMIN_IDS", e.key());
        assertTrue(e.getMessage().contains("\"alice\""), e.getMessage());
        assertTrue(e.getMessage().contains("numeric"), e.getMessage());
    }

    @Test
    void should_read_supervisors_and_the_team_settings_from_the_file_and_the_environment() throws Exception {
        Map<String, String> env = withFile("""
                access:
                  supervisor_ids: [5, 6]
                team:
                  drill_turns: 4
                  check_seconds: 10
                """, Map.of());

        BotConfig config = load(env);

        assertEquals(Set.of(5L, 6L), config.get(AccessConfig.SUPERVISOR_IDS));
        assertEquals(4, config.get(TeamConfig.DRILL_TURNS));
        assertEquals(java.time.Duration.ofSeconds(10), config.get(TeamConfig.CHECK_INTERVAL));
    }

    @Test
    void should_name_the_variable_when_supervisor_ids_or_the_drill_length_are_wrong() throws Exception {
        ConfigException ids = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("SUPERVISOR_IDS", "boss"))));
        ConfigException turns = assertThrows(ConfigException.class,
                () -> load(withFile("team:\n  drill_turns: 6\n", Map.of())));

        assertEquals("SUPERVISOR_IDS", ids.key());
        assertEquals("team.drill_turns", turns.key());
    }

    @Test
    void the_shipped_settings_file_loads() {
        BotConfig config = load(Map.of("CONFIG_FILE", "../config/application.yaml"));

        assertEquals(3, config.get(TeamConfig.DRILL_TURNS));
        assertTrue(config.get(AccessConfig.SUPERVISOR_IDS).isEmpty());
    }

    @Test
    void should_keep_questions_a_year_in_the_team_zone_unless_told_otherwise() throws Exception {
        BotConfig defaults = load(withFile("{}", Map.of()));
        BotConfig set = load(withFile("""
                insights:
                  retention_days: 90
                  time_zone: Asia/Taipei
                """, Map.of("INSIGHTS_RETENTION_DAYS", "30")));

        assertEquals(java.time.Duration.ofDays(365), defaults.get(InsightsConfig.RETENTION));
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), defaults.get(InsightsConfig.TIME_ZONE));
        assertEquals(java.time.Duration.ofDays(30), set.get(InsightsConfig.RETENTION));
        assertEquals(java.time.ZoneId.of("Asia/Taipei"), set.get(InsightsConfig.TIME_ZONE));
    }

    @Test
    void should_name_the_setting_when_the_time_zone_is_unknown() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("INSIGHTS_TIME_ZONE", "Beijing"))));

        assertTrue(e.getMessage().contains("INSIGHTS_TIME_ZONE"), e.getMessage());
        assertTrue(e.getMessage().contains("Asia/Shanghai"), e.getMessage());
    }

    @Test
    void should_reject_unknown_llm_provider() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("LLM_PROVIDER", "gpt"))));

        assertEquals("LLM_PROVIDER", e.key());
        assertTrue(e.getMessage().contains("none, openai, ollama"));
    }

    @Test
    void should_require_base_url_and_model_for_openai() throws Exception {
        assertEquals("LLM_BASE_URL", assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("LLM_PROVIDER", "openai", "LLM_MODEL", "m")))).key());
        assertEquals("LLM_MODEL", assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("LLM_PROVIDER", "openai",
                        "LLM_BASE_URL", "http://127.0.0.1:9/v1")))).key());
    }

    @Test
    void should_reject_a_telegram_url_that_is_not_http() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("TELEGRAM_API_URL", "ftp://x"))));

        assertEquals("TELEGRAM_API_URL", e.key());
    }

    @Test
    void should_reject_a_telegram_url_with_a_path() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081/bot"))));

        assertEquals("TELEGRAM_API_URL", e.key());
        assertTrue(e.getMessage().contains("scheme, host and port only"), e.getMessage());
    }

    @Test
    void should_refuse_a_secret_written_into_the_file() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("telegram:\n  bot_token: 123:abc\n", Map.of())));

        assertTrue(e.getMessage().contains("environment"), e.getMessage());
    }

    @Test
    void should_reject_out_of_range_numbers() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("roleplay:\n  idle_minutes: 0\n", Map.of())));

        assertEquals("roleplay.idle_minutes", e.key());
    }

    @Test
    void should_never_print_secrets_in_to_string() throws Exception {
        BotConfig config = load(withFile("{}", Map.of("BOT_TOKEN", "123456:SECRETSECRETSECRETSECRET",
                "LLM_PROVIDER", "openai", "LLM_BASE_URL", "http://127.0.0.1:1/v1", "LLM_MODEL", "m",
                "LLM_API_KEY", "sk-very-secret")));

        assertFalse(config.toString().contains("SECRET"));
        assertFalse(config.toString().contains("sk-very-secret"));
    }

    @Test
    void should_read_the_shipped_configuration_file() {
        BotConfig config = load(Map.of("CONFIG_FILE", "../config/application.yaml"));

        assertEquals(300, config.get(TipsConfig.MAX_CHARS));
        assertEquals(30, config.get(RolePlayConfig.IDLE).toMinutes());
    }

    @Test
    void should_read_the_delivery_settings_with_their_defaults() throws Exception {
        BotConfig defaults = load(withFile("{}", Map.of()));
        BotConfig set = load(withFile("""
                telegram:
                  send_timeout_seconds: 5
                  max_reply_age_hours: 2
                  conflict_exit_seconds: 90
                """, Map.of()));

        assertEquals(java.time.Duration.ofSeconds(20), defaults.get(TelegramConfig.SEND_TIMEOUT));
        assertEquals(java.time.Duration.ofHours(24), defaults.get(TelegramConfig.MAX_REPLY_AGE));
        assertEquals(java.time.Duration.ofMinutes(1), defaults.get(TelegramConfig.CONFLICT_LIMIT));
        assertTrue(defaults.get(TelegramConfig.WEBHOOK_URL).isEmpty());
        assertEquals(java.time.Duration.ofSeconds(5), set.get(TelegramConfig.SEND_TIMEOUT));
        assertEquals(java.time.Duration.ofHours(2), set.get(TelegramConfig.MAX_REPLY_AGE));
        assertEquals(java.time.Duration.ofSeconds(90), set.get(TelegramConfig.CONFLICT_LIMIT));
    }

    @Test
    void should_read_the_webhook_from_the_environment_and_its_secret_only_from_there() throws Exception {
        BotConfig config = load(withFile("{}", Map.of("WEBHOOK_URL", "https://bot.example.com/telegram",
                "WEBHOOK_PORT", "8443", "WEBHOOK_SECRET", "abc_DEF-123")));

        assertEquals("https://bot.example.com/telegram",
                config.get(TelegramConfig.WEBHOOK_URL).orElseThrow().toString());
        assertEquals(8443, config.get(TelegramConfig.WEBHOOK_PORT));
        assertEquals("abc_DEF-123", config.get(TelegramConfig.WEBHOOK_SECRET));
        assertFalse(config.toString().contains("abc_DEF-123"));
        ConfigException inFile = assertThrows(ConfigException.class,
                () -> load(withFile("telegram:\n  webhook_secret: abc\n", Map.of())));
        assertTrue(inFile.getMessage().contains("WEBHOOK_SECRET"), inFile.getMessage());
    }

    @Test
    void should_refuse_a_webhook_secret_telegram_would_refuse_without_printing_it() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("WEBHOOK_SECRET", "has spaces and ü"))));

        assertTrue(e.getMessage().contains("WEBHOOK_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("has spaces"), e.getMessage());
    }

    @Test
    void should_read_the_knowledge_limits_and_the_llm_pool_size_with_defaults() throws Exception {
        BotConfig defaults = load(withFile("{}", Map.of()));
        assertEquals(org.coachbot.knowledge.KnowledgeLimits.DEFAULT, defaults.knowledgeLimits());
        assertEquals(LlmSettings.DEFAULT_MAX_CONCURRENT_CALLS, defaults.llm().maxConcurrentCalls());

        BotConfig set = load(withFile("""
                knowledge:
                  max_sections_per_file: 100
                  max_sections: 1000
                llm:
                  max_concurrent_calls: 3
                """, Map.of("KNOWLEDGE_MAX_SECTIONS", "2000")));
        assertEquals(new org.coachbot.knowledge.KnowledgeLimits(100, 2000), set.knowledgeLimits());
        assertEquals(3, set.llm().maxConcurrentCalls());
    }

    @Test
    void should_refuse_a_knowledge_base_limit_below_the_file_limit() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load(withFile("""
                knowledge:
                  max_sections_per_file: 500
                  max_sections: 100
                """, Map.of())));

        assertTrue(e.getMessage().contains("knowledge.max_sections") && e.getMessage().contains("100"),
                e.getMessage());
    }

    @Test
    void should_read_the_dashboards_address_and_port_and_serve_it_under_the_addresss_path() throws Exception {
        BotConfig none = load(withFile("{}", Map.of()));
        BotConfig config = load(withFile("dashboard:\n  init_data_max_age_hours: 2\n",
                Map.of("WEBAPP_URL", "https://bot.example.com/dashboard", "WEBAPP_PORT", "9090")));

        assertTrue(none.dashboard().url().isEmpty());
        assertEquals(8090, none.dashboard().port());
        assertEquals(java.time.Duration.ofDays(1), none.dashboard().maxInitDataAge());
        assertEquals("https://bot.example.com/dashboard/", config.dashboard().pageUrl().orElseThrow());
        assertEquals("/dashboard/", config.dashboard().path());
        assertEquals(9090, config.dashboard().port());
        assertEquals(java.time.Duration.ofHours(2), config.dashboard().maxInitDataAge());
    }

    @Test
    void should_refuse_a_dashboard_address_telegram_would_not_open_or_the_webhooks_port() throws Exception {
        ConfigException http = assertThrows(ConfigException.class,
                () -> load(withFile("{}", Map.of("WEBAPP_URL", "http://bot.example.com/dashboard"))));
        ConfigException samePort = assertThrows(ConfigException.class, () -> load(withFile("{}",
                Map.of("WEBAPP_URL", "https://bot.example.com/dashboard", "WEBHOOK_URL",
                        "https://bot.example.com/telegram", "WEBAPP_PORT", "8080"))));

        assertTrue(http.getMessage().contains("WEBAPP_URL") && http.getMessage().contains("https://"),
                http.getMessage());
        assertTrue(samePort.getMessage().contains("WEBAPP_PORT") && samePort.getMessage().contains("WEBHOOK_PORT"),
                samePort.getMessage());
    }

    @Test
    void should_name_the_environment_variable_when_the_number_it_holds_is_out_of_range() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("telegram:\n  webhook_port: 8443\n", Map.of("WEBHOOK_PORT", "0"))));

        assertEquals("invalid setting WEBHOOK_PORT=\"0\": expected a whole number from 1 to 65535", e.getMessage());
    }

    @Test
    void should_not_repeat_a_secret_pasted_into_the_file() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(withFile("llm:\n  api_key: sk-pasted-by-mistake\n", Map.of())));

        assertEquals("llm.api_key", e.key());
        assertFalse(e.getMessage().contains("sk-pasted-by-mistake"), e.getMessage());
        assertTrue(e.getMessage().contains("LLM_API_KEY"), e.getMessage());
    }

    @Test
    void should_show_every_setting_in_to_string_and_only_whether_a_secret_is_set() throws Exception {
        BotConfig config = load(withFile("{}", Map.of("BOT_TOKEN", "123456:abcdef")));

        assertTrue(config.toString().contains("telegram.api_url=https://api.telegram.org"), config.toString());
        assertTrue(config.toString().contains("roleplay.pass_mark=80"), config.toString());
        assertTrue(config.toString().contains("telegram.bot_token=***"), config.toString());
        assertTrue(config.toString().contains("llm.api_key=(not set)"), config.toString());
        assertFalse(config.toString().contains("abcdef"), config.toString());
    }
}
