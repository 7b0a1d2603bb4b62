package org.coachbot;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void should_exit_2_with_one_line_naming_key_value_and_expectation() {
        int code = run(Map.of("CONFIG_FILE", "../config/application.yaml", "LLM_PROVIDER", "gpt4"));

        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("LLM_PROVIDER") && message.contains("gpt4") && message.contains("openai"),
                message);
    }

    @Test
    void should_exit_2_for_a_missing_config_file() {
        assertEquals(2, run(Map.of("CONFIG_FILE", "/nonexistent/app.yaml")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("CONFIG_FILE"));
    }

    @Test
    void should_exit_2_for_an_unknown_argument() {
        assertEquals(2, run(Map.of("CONFIG_FILE", "../config/application.yaml"), "serve"));
    }
}
