package org.coachbot;

import ch.qos.logback.classic.Level;
import org.coachbot.telegram.FakeBotApiServer;
import org.coachbot.telegram.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return chat("", env, args);
    }

    private int chat(String typed, Map<String, String> env, String... args) {
        return Main.run(args, env, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void should_answer_in_the_console_from_the_shipped_knowledge_and_decline_an_off_topic_question(
            @TempDir Path data) {
        // "2" presses the second button under the first answer: 换一个.
        String typed = "客户一直不说话,我该怎么办?\n2\n客戶一直不說話怎麼辦\n电话响几声要接\n今天天气怎么样\n";

        int code = chat(typed, Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                "DATA_DIR", data.toString()));

        String[] replies = out.toString(StandardCharsets.UTF_8).split("\n> ");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(replies.length >= 6, out.toString(StandardCharsets.UTF_8)); // banner, five replies, last prompt
        assertTrue(replies[1].contains("来源:沉默型客户的应对"), replies[1]);
        assertTrue(replies[1].contains("可以这样说:"), replies[1]);
        assertTrue(replies[1].contains("[1] 展开") && replies[1].contains("[2] 换一个"), replies[1]);
        // The next best section stays on silent customers, not on lines that merely contain 我.
        assertTrue(replies[2].startsWith("↻") && replies[2].contains("来源:沉默型客户的应对"), replies[2]);
        assertTrue(replies[3].contains("来源:沉默型客户的应对"), replies[3]);
        assertTrue(replies[4].contains("来源:电话礼仪 › 铃响三声之内接起电话"), replies[4]);
        assertTrue(replies[5].contains("不在我们的客服培训资料范围内"), replies[5]);
    }

    @Test
    void should_play_a_practice_call_in_the_console_and_save_its_radar_chart(@TempDir Path data) {
        String typed = String.join("\n", "/roleplay hotel-no-hot-water", "喂,又是热水?", "那是工程部的事,你找他们去。",
                "请问您住几号房间?", "/end", "");

        int code = chat(typed, Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                "DATA_DIR", data.toString()));

        String console = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(console.contains("对练开始:酒店客人洗澡没有热水"), console);
        assertTrue(console.contains("1208"), "the customer answers the room number: " + console);
        assertTrue(console.contains("你说:「那是工程部的事,你找他们去。」"), console);
        assertTrue(console.contains("❌ 未通过"), console);
        assertTrue(console.contains(".png"), "the radar chart is saved and its path printed: " + console);
    }

    @Test
    void should_print_a_dashboard_link_on_localhost_that_signs_in_once_when_the_console_starts(@TempDir Path data) {
        int code = chat("", Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                "DATA_DIR", data.toString()));

        String banner = out.toString(StandardCharsets.UTF_8).split("\n> ")[0];
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(banner.matches("(?s).*团队看板.*http://127\\.0\\.0\\.1:\\d+/#login=[A-Za-z0-9_-]{32}.*"), banner);
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
    void should_exit_1_naming_bot_token_when_telegram_rejects_it(@TempDir Path data) throws Exception {
        try (FakeBotApiServer api = new FakeBotApiServer()) {
            api.script("getMe", 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");

            int code = run(Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                    "DATA_DIR", data.toString(), "BOT_TOKEN", FakeBotApiServer.TOKEN,
                    "TELEGRAM_API_URL", api.baseUrl().toString()));

            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, message);
            assertTrue(message.contains("BOT_TOKEN"), message);
            assertFalse(message.contains(FakeBotApiServer.TOKEN), message);
        }
    }

    @Test
    void should_exit_1_saying_so_when_another_instance_polls_the_same_token(@TempDir Path temp) throws Exception {
        // given Telegram answers 409 Conflict to every getUpdates, and the bot gives up after a second of it
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(Path.of("../knowledge/silent-customer.md"), knowledge.resolve("silent-customer.md"));
        Path config = Files.writeString(temp.resolve("application.yaml"), "telegram:\n  conflict_exit_seconds: 1\n");
        try (FakeBotApiServer api = new FakeBotApiServer();
             LogCapture log = new LogCapture(Class.forName("org.coachbot.telegram.Poller"))) {
            api.fault(FakeBotApiServer.Fault.CONFLICT, Duration.ofHours(1), "getUpdates");

            // when
            int code = run(Map.of("CONFIG_FILE", config.toString(), "KNOWLEDGE_DIR", knowledge.toString(),
                    "DATA_DIR", temp.resolve("data").toString(), "BOT_TOKEN", FakeBotApiServer.TOKEN,
                    "TELEGRAM_API_URL", api.baseUrl().toString()));

            // then
            assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(log.at(Level.ERROR).stream().anyMatch(l -> l.startsWith("another instance is polling this "
                    + "token")), log.at(Level.ERROR).toString());
        }
    }

    @Test
    void should_give_each_supervisor_the_dashboard_as_menu_button_when_webapp_url_is_set(@TempDir Path temp)
            throws Exception {
        // given a dashboard address, and Telegram answering 409 Conflict so the run ends after a second
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        Files.copy(Path.of("../knowledge/silent-customer.md"), knowledge.resolve("silent-customer.md"));
        Path config = Files.writeString(temp.resolve("application.yaml"), "telegram:\n  conflict_exit_seconds: 1\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (FakeBotApiServer api = new FakeBotApiServer()) {
            api.fault(FakeBotApiServer.Fault.CONFLICT, Duration.ofHours(1), "getUpdates");

            // when
            run(Map.of("CONFIG_FILE", config.toString(), "KNOWLEDGE_DIR", knowledge.toString(),
                    "DATA_DIR", temp.resolve("data").toString(), "BOT_TOKEN", FakeBotApiServer.TOKEN,
                    "TELEGRAM_API_URL", api.baseUrl().toString(), "SUPERVISOR_IDS", "5", "ADMIN_IDS", "6",
                    "WEBAPP_URL", "https://bot.example.com/dashboard", "WEBAPP_PORT", Integer.toString(port)));

            // then
            List<FakeBotApiServer.Call> menus = api.calls("setChatMenuButton");
            assertEquals(Set.of(5L, 6L), menus.stream().map(FakeBotApiServer.Call::chatId)
                    .collect(Collectors.toSet()));
            assertTrue(menus.get(0).body().toString().contains("https://bot.example.com/dashboard/"),
                    menus.get(0).body().toString());
        }
    }

    @Test
    void should_exit_1_naming_the_file_when_the_database_is_empty(@TempDir Path data) throws Exception {
        java.nio.file.Files.createFile(data.resolve("roleplay.db"));

        int code = chat("", Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                "DATA_DIR", data.toString()));

        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.startsWith("coach-bot stopped: " + data.resolve("roleplay.db") + " is empty (0 bytes)"),
                message);
        assertEquals(1, message.lines().count(), "one plain line, no stack trace: " + message);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("已启动"));
    }

    @Test
    void should_exit_1_naming_the_file_when_the_database_is_not_sqlite(@TempDir Path data) throws Exception {
        java.nio.file.Files.writeString(data.resolve("roleplay.db"), "this is not a database ".repeat(100));

        int code = chat("", Map.of("CONFIG_FILE", "../config/application.yaml", "KNOWLEDGE_DIR", "../knowledge",
                "DATA_DIR", data.toString()));

        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, message);
        assertTrue(message.contains("cannot open the database " + data.resolve("roleplay.db")), message);
        assertEquals(1, message.lines().count(), message);
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
