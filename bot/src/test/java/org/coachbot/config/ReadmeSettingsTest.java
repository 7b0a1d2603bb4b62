package org.coachbot.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's table of environment variables, checked against the declarations it describes. */
class ReadmeSettingsTest {
    private static final String HEADER = "| variable | default | meaning |";
    private static final Pattern ROW = Pattern.compile("\\| `([A-Z0-9_]+)` \\|([^|]*)\\|.*");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void the_readme_table_lists_every_environment_variable_and_no_other() throws Exception {
        Set<String> declared = SettingCatalogue.BOT.all().stream().flatMap(s -> s.env().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(declared, new TreeSet<>(table().keySet()), "README.md's configuration table and the"
                + " environment variables declared in bot/src/main/java/org/coachbot/config differ: add or remove a row");
    }

    @Test
    void a_default_the_readme_table_quotes_is_the_declared_one() throws Exception {
        Map<String, String> table = table();
        int quoted = 0;

        for (Setting<?> setting : SettingCatalogue.BOT.all()) {
            String variable = setting.env().orElse("");
            Matcher code = CODE.matcher(table.getOrDefault(variable, ""));
            if (code.matches()) {
                assertEquals(yaml(setting), code.group(1), "README.md's default of " + variable);
                quoted++;
            }
        }
        assertTrue(quoted > 0, "README.md's table quotes no default as `value`");
    }

    private static <T> String yaml(Setting<T> setting) {
        return setting.type().yaml(setting.defaultValue());
    }

    /** Each variable of the table with its default cell. */
    private static Map<String, String> table() throws Exception {
        var lines = Files.readAllLines(Path.of("../README.md"));
        int start = lines.indexOf(HEADER);
        assertTrue(start >= 0, "README.md has no table headed " + HEADER);
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 2, lines.size())) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                break;
            }
            rows.put(row.group(1), row.group(2).strip());
        }
        return rows;
    }
}
