package org.coachbot;

import com.fasterxml.jackson.databind.JsonNode;
import org.coachbot.chat.CommandRouter;
import org.coachbot.config.AccessConfig;
import org.coachbot.config.BotConfig;
import org.coachbot.config.ConfigLoader;
import org.coachbot.config.DataConfig;
import org.coachbot.telegram.FakeBotApiServer;
import org.coachbot.telegram.TelegramFrontEnd;
import org.coachbot.telegram.TelegramSettings;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Team coaching in the whole bot, with the real knowledge and embedding model, behind a fake Bot API server: a
 * supervisor assigns a scenario to two trainees from the team group, one finishes it, the team report and its CSV
 * show it, the trainee gets a drill reminder the next morning, a group question and an inline query get tips, and
 * a trainee asking for the team is refused. The tests run in order, one day of a team.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamEndToEndTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long SUPERVISOR = 5;
    private static final long WANG = 21;
    private static final long LI = 22;
    private static final long GROUP = -100777;
    private static final String HOTEL = "hotel-no-hot-water";
    /** How long the first customer line of a fresh bot may take on a busy machine: it embeds the example phrases. */
    private static final Duration FIRST_TURN = Duration.ofMinutes(3);
    /** Monday 3 March 2025, 09:00 in Shanghai. */
    private static final TestClock CLOCK = new TestClock(
            ZonedDateTime.of(2025, 3, 3, 9, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);

    @TempDir
    static Path temp;
    private static FakeBotApiServer api;
    private static CoachBot coach;
    private static TelegramFrontEnd telegram;

    @BeforeAll
    static void start() throws Exception {
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        copyTree(Path.of("../knowledge"), knowledge);
        api = new FakeBotApiServer();
        BotConfig config = new ConfigLoader(Map.of("CONFIG_FILE", "../config/application.yaml",
                "BOT_TOKEN", FakeBotApiServer.TOKEN, "TELEGRAM_API_URL", api.baseUrl().toString(),
                "SUPERVISOR_IDS", Long.toString(SUPERVISOR), "KNOWLEDGE_DIR", knowledge.toString(),
                "DATA_DIR", temp.resolve("data").toString())).load();
        Files.createDirectories(config.get(DataConfig.DIR));
        coach = new CoachBot(config, CLOCK);
        CommandRouter router = coach.router();
        TelegramSettings settings = TelegramSettings.builder(FakeBotApiServer.TOKEN, api.baseUrl())
                .adminIds(config.get(AccessConfig.ADMIN_IDS)).supervisorIds(config.get(AccessConfig.SUPERVISOR_IDS))
                .allowedUserIds(config.get(AccessConfig.ALLOWED_USER_IDS)).rates(1000, 1000, 100).handlerThreads(4)
                .pollTimeoutSeconds(1).build();
        telegram = new TelegramFrontEnd(settings, router, config.get(DataConfig.DIR), router.menu());
        coach.port().connect(telegram.messenger(), telegram.notifier(), telegram.fileFetcher());
        coach.warmUp();
        telegram.start();
    }

    @AfterAll
    static void stop() {
        telegram.stop();
        coach.close();
        api.close();
    }

    @Test
    @Order(1)
    void a_trainee_asking_for_the_team_is_refused_with_who_may_use_it() throws Exception {
        api.groupText(WANG, GROUP, "大家早上好", 0);
        api.groupText(LI, GROUP, "早", 0);
        // A bot may write privately only to someone who wrote to it there first.
        api.text(LI, LI, "/start");
        assertTrue(api.nextSent().text().contains("你好"));
        api.text(WANG, WANG, "/team");

        String refusal = api.nextSent().text();

        assertTrue(refusal.contains("只供主管和管理员使用"), refusal);
        assertTrue(refusal.contains("SUPERVISOR_IDS"), refusal);
    }

    @Test
    @Order(2)
    void a_supervisor_assigns_a_scenario_in_the_group_and_both_trainees_get_a_start_button() throws Exception {
        api.text(WANG, WANG, "/remind 08:30");
        assertTrue(api.nextSent().text().contains("每天 08:30"));
        api.groupText(SUPERVISOR, GROUP, "/assign@CoachBot @u" + LI + " " + HOTEL + " 3天", WANG);
        FakeBotApiServer.Call confirmation = api.nextSent();

        coach.sendDueTeamMessages();
        List<FakeBotApiServer.Call> notices = until(c -> c.text().contains("新的练习作业"), 2);

        assertEquals(GROUP, confirmation.chatId());
        assertTrue(confirmation.text().contains("U21 (@u21)、U22 (@u22)"), confirmation.text());
        assertEquals(List.of(WANG, LI), notices.stream().map(FakeBotApiServer.Call::chatId).sorted().toList());
        for (FakeBotApiServer.Call n : notices) {
            assertEquals("rp:start:" + HOTEL, n.buttons().get(0).path("callback_data").asText());
        }
    }

    @Test
    @Order(3)
    void one_trainee_finishes_it_and_the_team_report_and_the_csv_show_who_did() throws Exception {
        api.button(WANG, WANG, "rp:start:" + HOTEL);
        assertTrue(api.nextSent().text().contains("对练开始"));
        api.text(WANG, WANG, "您好,请问是几号房间?");
        // The first customer line of a fresh bot waits for the phrases the line is compared with to be embedded.
        api.nextSent(FIRST_TURN);
        api.text(WANG, WANG, "/end");
        until(c -> c.method().equals("sendPhoto") && c.chatId() == WANG, 1);

        api.text(SUPERVISOR, SUPERVISOR, "/team");
        String team = api.nextSent().text();
        api.text(SUPERVISOR, SUPERVISOR, "/team export");
        FakeBotApiServer.Call csv = until(c -> c.method().equals("sendDocument"), 1).get(0);

        assertTrue(team.contains("U21 (@u21)"), team);
        assertTrue(team.contains("✅ 已完成"), team);
        assertTrue(team.contains("U22 (@u22)"), team);
        assertTrue(team.contains("⬜ 未开始"), team);
        assertFalse(team.contains("几号房间"), "scores, never transcripts: " + team);
        String content = csv.body().path("document_text").asText();
        assertTrue(content.startsWith("\uFEFF练习编号,学员,用户名"), content);
        assertTrue(content.contains(",U21,u21,21," + HOTEL + ","), content);
        assertEquals(2, content.lines().count(), content);
        assertTrue(csv.body().path("document_file_name").asText().endsWith(".csv"));
    }

    @Test
    @Order(4)
    void the_trainee_below_the_pass_mark_gets_a_drill_reminder_at_the_set_time_the_next_day() throws Exception {
        CLOCK.set(ZonedDateTime.of(2025, 3, 4, 8, 29, 0, 0, SHANGHAI).toInstant());
        coach.sendDueTeamMessages();
        CLOCK.set(ZonedDateTime.of(2025, 3, 4, 8, 30, 0, 0, SHANGHAI).toInstant());
        coach.sendDueTeamMessages();

        FakeBotApiServer.Call reminder = api.nextSent();

        assertEquals(WANG, reminder.chatId());
        assertTrue(reminder.text().contains("每日练习提醒"), reminder.text());
        assertTrue(reminder.text().contains("该复习"), reminder.text());
        assertTrue(reminder.buttons().get(0).path("callback_data").asText().startsWith("tm:drill:"),
                reminder.body().toString());
        assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.text().startsWith("<b>⏰ 每日练习提醒"))
                .count(), "nothing at 08:29");
    }

    @Test
    @Order(5)
    void a_question_asked_in_the_group_with_the_bot_named_gets_a_tip_in_the_group() throws Exception {
        api.groupText(LI, GROUP, "/ask@CoachBot 客户一直不说话,我该怎么办?", 0);

        FakeBotApiServer.Call tip = api.nextSent();

        assertEquals(GROUP, tip.chatId());
        assertTrue(tip.text().contains("来源:沉默型客户"), tip.text());
    }

    @Test
    @Order(6)
    void an_inline_query_offers_short_tips_to_post() throws Exception {
        api.inlineQuery(LI, "客户不说话");

        FakeBotApiServer.Call answer = api.nextInlineAnswer();

        JsonNode results = answer.body().path("results");
        assertTrue(results.size() >= 1 && results.size() <= 5, results.toString());
        assertTrue(results.toString().contains("沉默型客户"), results.toString());
        assertEquals("HTML", results.get(0).path("input_message_content").path("parse_mode").asText());
    }

    @Test
    @Order(7)
    void role_play_asked_for_in_the_group_opens_the_private_chat_and_the_link_starts_the_scenario() throws Exception {
        api.groupText(LI, GROUP, "/roleplay@CoachBot " + HOTEL, 0);
        FakeBotApiServer.Call link = api.nextSent();
        String url = link.buttons().get(0).path("url").asText();
        api.text(LI, LI, "/start " + url.substring(url.indexOf("start=") + "start=".length()));
        FakeBotApiServer.Call started = api.nextSent();

        assertEquals(GROUP, link.chatId());
        assertEquals("https://t.me/" + FakeBotApiServer.BOT_USERNAME + "?start=rp_" + HOTEL, url);
        assertEquals(LI, started.chatId());
        assertTrue(started.text().contains("对练开始"), started.text());
    }

    /** Waits for sent messages until {@code count} match, and returns those. */
    private static List<FakeBotApiServer.Call> until(Predicate<FakeBotApiServer.Call> wanted, int count)
            throws InterruptedException {
        List<FakeBotApiServer.Call> found = new ArrayList<>();
        while (found.size() < count) {
            FakeBotApiServer.Call c = api.nextSent();
            if (wanted.test(c)) {
                found.add(c);
            }
        }
        return found;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
