package org.coachbot.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsFileTest {
    private static final Path SHIPPED = Path.of("../config/application.yaml");
    /** Where a test run leaves the file the declarations generate, to be copied over the shipped one. */
    private static final Path GENERATED = Path.of("target/application.yaml");

    @Test
    void the_shipped_settings_file_is_what_the_declarations_generate() throws Exception {
        // given
        String generated = SettingsFile.render();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, generated);

        // when
        String shipped = Files.readString(SHIPPED);

        // then
        assertEquals(generated, shipped, "config/application.yaml differs from the declarations in "
                + "bot/src/main/java/org/coachbot/config; from the repository root, regenerate it with: "
                + "cp bot/" + GENERATED + " config/application.yaml");
    }

    @Test
    void the_generated_file_reads_back_as_every_default() throws Exception {
        // given
        Path file = Files.writeString(Files.createTempFile("application", ".yaml"), SettingsFile.render());

        // when
        BotConfig config = new ConfigLoader(Map.of("CONFIG_FILE", file.toString())).load();

        // then
        for (Setting<?> setting : SettingCatalogue.BOT.all()) {
            assertEquals(setting.defaultValue(), config.get(setting), setting.key());
        }
    }

    @Test
    void every_line_of_the_generated_file_fits_in_its_width() {
        SettingsFile.render().lines().forEach(line ->
                assertTrue(line.length() <= SettingsFile.WIDTH, line));
    }

    @Test
    void the_generated_file_names_secrets_but_has_no_key_for_them() {
        String text = SettingsFile.render();

        for (Setting<?> secret : SettingCatalogue.BOT.secrets()) {
            assertTrue(text.contains(secret.env().orElseThrow() + ":"), secret.key());
            String name = secret.key().substring(secret.key().indexOf('.') + 1);
            assertFalse(text.lines().anyMatch(line -> line.strip().startsWith(name + ":")), secret.key());
        }
    }
}
