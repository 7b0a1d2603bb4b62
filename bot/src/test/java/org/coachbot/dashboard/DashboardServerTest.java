package org.coachbot.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.chat.Button;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.team.Assignment;
import org.coachbot.team.Target;
import org.coachbot.team.TeamSettings;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.coachbot.dashboard.DashboardHarness.BOSS;
import static org.coachbot.dashboard.DashboardHarness.LI;
import static org.coachbot.dashboard.DashboardHarness.NOW;
import static org.coachbot.dashboard.DashboardHarness.TOKEN;
import static org.coachbot.dashboard.DashboardHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's HTTP side without a browser: who gets data, what every answer carries, the API's rules. */
class DashboardServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();
    @TempDir
    static Path temp;
    private static DashboardHarness bot;

    @BeforeAll
    static void start() throws IOException {
        bot = new DashboardHarness(temp, 5);
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void a_supervisor_with_init_data_signed_by_the_bots_token_gets_the_whole_team() throws Exception {
        HttpResponse<String> team = get("api/team", bot.initData(BOSS, "王主管"));

        assertEquals(200, team.statusCode());
        JsonNode body = JSON.readTree(team.body());
        assertEquals(8, body.path("rows").size(), "王小明, 李丽, the HTML-named trainee and 5 generated ones");
        assertEquals("王主管", body.path("viewer").asText());
        assertEquals("no-store", team.headers().firstValue("Cache-Control").orElse(""));
        JsonNode li = row(body, LI);
        assertEquals(1, li.path("overdue").asInt());
        assertFalse(li.path("passed").asBoolean());
    }

    @Test
    void forged_expired_altered_or_missing_init_data_gets_401_and_no_data() throws Exception {
        String forged = DashboardHarness.initData("7000001:someone-elses-token", BOSS, "王主管", NOW);
        String expired = DashboardHarness.initData(TOKEN, BOSS, "王主管", NOW.minus(Duration.ofHours(25)));
        String altered = bot.initData(WANG, "王小明").replace("%3A" + WANG, "%3A" + BOSS);

        for (String initData : new String[]{forged, expired, altered, ""}) {
            HttpResponse<String> answer = get("api/team", initData);

            assertEquals(401, answer.statusCode(), initData);
            assertFalse(answer.body().contains("王小明"), answer.body());
            assertEquals("unauthorized", JSON.readTree(answer.body()).path("error").asText());
        }
    }

    @Test
    void a_trainee_with_genuine_init_data_gets_403_and_no_data() throws Exception {
        for (String route : List.of("api/team", "api/trainees/" + LI, "api/weeks")) {
            HttpResponse<String> answer = get(route, bot.initData(WANG, "王小明"));

            assertEquals(403, answer.statusCode());
            assertFalse(answer.body().contains("李丽"), answer.body());
        }
    }

    @Test
    void every_answer_carries_a_strict_content_security_policy_and_the_page_holds_nothing_inline_or_secret()
            throws Exception {
        for (String file : List.of("", "app.js", "app.css", "api/team")) {
            HttpResponse<String> answer = get(file, null);

            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'none'; script-src 'self'; style-src 'self';"), csp);
            assertFalse(csp.contains("unsafe"), csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertFalse(answer.body().contains(TOKEN), file);
        }
        String page = get("", null).body();
        assertFalse(page.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "no inline script");
        assertFalse(page.matches("(?s).*\\s(on[a-z]+|style)=.*"), "no inline handler or style");
        assertFalse(get("app.js", null).body().contains("innerHTML"), "the script never parses data as HTML");
    }

    @Test
    void the_address_without_its_slash_redirects_and_other_paths_are_not_served() throws Exception {
        HttpResponse<String> bare = HTTP.send(HttpRequest.newBuilder(URI.create(bot.base().replaceAll("/$", "")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(301, bare.statusCode());
        assertEquals("/dashboard/", bare.headers().firstValue("Location").orElse(""));
        assertEquals(404, get("secrets.txt", null).statusCode());
        assertEquals(404, get("api/trainees/424242", bot.initData(BOSS, "王主管")).statusCode());
    }

    @Test
    void a_session_answers_with_its_scorecard_and_every_line_in_order() throws Exception {
        JsonNode trainee = JSON.readTree(get("api/trainees/" + WANG, bot.initData(BOSS, "王主管")).body());
        long sessionId = trainee.path("sessions").get(1).path("id").asLong();

        JsonNode call = JSON.readTree(get("api/sessions/" + sessionId, bot.initData(BOSS, "王主管")).body());

        assertEquals(86, call.path("session").path("total").asInt());
        assertEquals(74, call.path("session").path("scores").path("empathy").asInt());
        assertEquals("还是没有热水", call.path("lines").get(0).path("text").asText());
        assertEquals("TRAINEE", call.path("lines").get(1).path("speaker").asText());
        assertEquals(3, trainee.path("sessions").size());
        assertEquals("empathy", trainee.path("sessions").get(0).path("drill").asText());
        assertEquals(1, trainee.path("certificates").size());
        assertEquals("empathy", trainee.path("reviews").get(0).path("dimension").asText());
    }

    @Test
    void assigning_follows_the_rules_of_assign() throws Exception {
        String boss = bot.initData(BOSS, "王主管");
        LocalDate today = NOW.atZone(DashboardHarness.SHANGHAI).toLocalDate();

        HttpResponse<String> past = post("api/assign", boss, "{\"trainees\":[" + WANG + "],\"kind\":\"DIMENSION\","
                + "\"target\":\"empathy\",\"due\":\"" + today.minusDays(1) + "\"}");
        HttpResponse<String> gone = post("api/assign", boss, "{\"trainees\":[" + WANG + "],\"kind\":\"SCENARIO\","
                + "\"target\":\"no-such-scenario\",\"due\":\"" + today + "\"}");
        HttpResponse<String> stranger = post("api/assign", boss, "{\"trainees\":[424242],\"kind\":\"DIMENSION\","
                + "\"target\":\"empathy\",\"due\":\"" + today + "\"}");
        HttpResponse<String> garbage = post("api/assign", boss, "{\"trainees\":\"all\"}");
        HttpResponse<String> byTrainee = post("api/assign", bot.initData(WANG, "王小明"), "{\"trainees\":[" + LI
                + "],\"kind\":\"DIMENSION\",\"target\":\"empathy\",\"due\":\"" + today + "\"}");
        HttpResponse<String> made = post("api/assign", boss, "{\"trainees\":[" + WANG + "],\"kind\":\"DIMENSION\","
                + "\"target\":\"empathy\",\"due\":\"" + today + "\"}");

        assertEquals(400, past.statusCode());
        assertEquals("refused.PAST", JSON.readTree(past.body()).path("error").asText());
        assertEquals(409, gone.statusCode());
        assertEquals(400, stranger.statusCode());
        assertEquals(400, garbage.statusCode());
        assertEquals(403, byTrainee.statusCode());
        assertEquals(200, made.statusCode(), made.body());
        List<Assignment> open = bot.assignments.open(WANG);
        assertEquals(1, open.size(), "only the valid request was stored");
        assertEquals(Target.dimension("empathy"), open.get(0).target());
        assertEquals(BOSS, open.get(0).supervisorId());
        assertEquals(today.plusDays(1).atStartOfDay(DashboardHarness.SHANGHAI).toInstant(), open.get(0).dueAt());
    }

    @Test
    void the_console_link_signs_in_once_and_its_init_data_is_checked_like_telegrams() throws Exception {
        try (Dashboard console = Dashboard.forConsole(new DashboardSettings(Optional.empty(), 0, Duration.ofDays(1)),
                0, "console", Set.of(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            console.serve(new TeamBoard(bot.team.roster(), new SqliteSessionArchive(bot.db), bot.training,
                    bot.assignments, bot.people, bot.team.assigner(), () -> bot.book,
                    new TeamSettings(DashboardHarness.SHANGHAI, 80, 3, Duration.ofSeconds(30)), bot.clock));
            String link = console.link();
            String code = link.substring(link.indexOf("#login=") + "#login=".length());
            URI base = URI.create(link.substring(0, link.indexOf('#')));
            assertTrue(link.startsWith("http://127.0.0.1:"), link);

            HttpResponse<String> first = HTTP.send(HttpRequest.newBuilder(base.resolve("api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(base.resolve("api/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String initData = JSON.readTree(first.body()).path("initData").asText();
            HttpResponse<String> team = HTTP.send(HttpRequest.newBuilder(base.resolve("api/team"))
                    .header("Authorization", "tma " + initData).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> telegramsKey = HTTP.send(HttpRequest.newBuilder(base.resolve("api/team"))
                    .header("Authorization", "tma " + bot.initData(0, "console")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, first.statusCode());
            assertEquals(401, again.statusCode(), "a link works once");
            assertEquals(200, team.statusCode());
            assertEquals(401, telegramsKey.statusCode(), "the console signs with a key of its own run");
        }
    }

    @Test
    void the_team_report_carries_a_button_that_opens_the_dashboard_as_a_mini_app() {
        RecordingResponder out = new RecordingResponder();

        bot.team.supervisors().team(Incoming.text(new User(BOSS, "王主管", "boss", false, true), BOSS, "/team"), "",
                out);

        Button button = out.replies.get(0).buttons().stream().flatMap(List::stream)
                .filter(b -> b.kind() == Button.Kind.WEB_APP).findFirst().orElseThrow();
        assertEquals("https://coach.example.com/dashboard/", button.data());
        assertEquals("📊 团队看板", button.label());
    }

    private static JsonNode row(JsonNode table, long id) {
        for (JsonNode r : table.path("rows")) {
            if (r.path("id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    private static HttpResponse<String> get(String route, String initData) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bot.base() + route));
        if (initData != null) {
            request.header("Authorization", "tma " + initData);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String route, String initData, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(bot.base() + route)).header("Authorization", "tma " + initData)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
