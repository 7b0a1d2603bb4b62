package org.coachbot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.coachbot.config.SettingType.optional;
import static org.coachbot.config.SettingType.text;
import static org.coachbot.config.SettingType.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A setting declared in its section and nowhere else is loaded, checked and written to the file. */
class SettingDeclarationTest {
    private static final SettingGroup SAMPLE = new SettingGroup("sample");
    private static final Setting<Optional<URI>> WEBAPP_URL = SAMPLE.setting("webapp_url", optional(url()),
                    Optional.empty())
            .env("SAMPLE_WEBAPP_URL")
            .help("Public HTTPS URL of the mini app; empty for none.");

    @TempDir
    Path dir;

    private static SettingCatalogue withSample() {
        List<SettingGroup> groups = new ArrayList<>(SettingCatalogue.BOT.groups());
        groups.add(SAMPLE);
        return new SettingCatalogue(groups);
    }

    private BotConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), yaml);
        var all = new java.util.HashMap<>(env);
        all.put("CONFIG_FILE", file.toString());
        return new ConfigLoader(all, withSample()).load();
    }

    @Test
    void should_read_a_new_setting_from_the_file_and_let_its_variable_override_it() throws Exception {
        String yaml = "sample:\n  webapp_url: https://app.example.com/a\n";

        assertEquals(Optional.empty(), load("{}", Map.of()).get(WEBAPP_URL));
        assertEquals(URI.create("https://app.example.com/a"), load(yaml, Map.of()).get(WEBAPP_URL).orElseThrow());
        assertEquals(URI.create("https://b.example.com"),
                load(yaml, Map.of("SAMPLE_WEBAPP_URL", "https://b.example.com/")).get(WEBAPP_URL).orElseThrow());
    }

    @Test
    void should_refuse_a_bad_value_of_a_new_setting_naming_where_it_came_from() throws Exception {
        ConfigException fromFile = assertThrows(ConfigException.class,
                () -> load("sample:\n  webapp_url: ftp://x\n", Map.of()));
        ConfigException fromEnv = assertThrows(ConfigException.class,
                () -> load("{}", Map.of("SAMPLE_WEBAPP_URL", "app")));

        assertEquals("sample.webapp_url", fromFile.key());
        assertEquals("invalid setting SAMPLE_WEBAPP_URL=\"app\": expected an http:// or https:// URL such as "
                + "http://127.0.0.1:8081", fromEnv.getMessage());
    }

    @Test
    void should_write_a_new_setting_into_the_file_with_its_help_variable_and_default() {
        String text = SettingsFile.render(withSample());

        assertTrue(text.endsWith("""

                sample:
                  # Public HTTPS URL of the mini app; empty for none.
                  # Environment: SAMPLE_WEBAPP_URL. Expected: an http:// or https:// URL such as http://127.0.0.1:8081.
                  webapp_url: ""
                """), text);
    }

    @Test
    void should_refuse_a_declaration_without_help_a_secret_without_a_variable_and_a_key_declared_twice() {
        SettingGroup group = new SettingGroup("broken");

        assertThrows(IllegalArgumentException.class, () -> group.setting("a", text(), "").help(" "));
        assertThrows(IllegalArgumentException.class, () -> group.setting("b", text(), "").secret().help("b"));
        group.setting("c", text(), "").help("c");
        assertThrows(IllegalStateException.class, () -> group.setting("c", text(), "").help("again"));
        assertEquals(List.of("broken.c"), group.settings().stream().map(Setting::key).toList());
    }

    @Test
    void should_quote_a_default_yaml_would_read_as_something_else() {
        assertEquals("./data", text().yaml("./data"));
        assertEquals("\"\"", text().yaml(""));
        assertEquals("\"off\"", text().yaml("off"));
        assertEquals("\"8080\"", text().yaml("8080"));
        assertEquals("\"a: b # c\"", text().yaml("a: b # c"));
    }
}
