package org.coachbot.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.coachbot.team.Assignment;
import org.coachbot.team.Target;
import org.coachbot.testing.BrowserPage;
import org.coachbot.testing.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.coachbot.dashboard.DashboardHarness.BOSS;
import static org.coachbot.dashboard.DashboardHarness.LI;
import static org.coachbot.dashboard.DashboardHarness.MALLORY;
import static org.coachbot.dashboard.DashboardHarness.MALLORY_LINE;
import static org.coachbot.dashboard.DashboardHarness.MALLORY_NAME;
import static org.coachbot.dashboard.DashboardHarness.NOW;
import static org.coachbot.dashboard.DashboardHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium against the bot's own HTTP server, opened as a Telegram client opens
 * a Mini App (launch parameters in the address's fragment), on a phone-sized screen. Any JavaScript error, console
 * error, CSP violation or dialog on the page fails the test that caused it.
 */
class DashboardBrowserTest {
    /** Telegram's default light theme, as a client sends it in tgWebAppThemeParams. */
    static final String LIGHT = "{\"bg_color\":\"#ffffff\",\"text_color\":\"#000000\",\"hint_color\":\"#707579\","
            + "\"link_color\":\"#3390ec\",\"button_color\":\"#3390ec\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#f4f4f5\",\"header_bg_color\":\"#ffffff\",\"accent_text_color\":\"#3390ec\","
            + "\"section_bg_color\":\"#ffffff\",\"section_header_text_color\":\"#3390ec\","
            + "\"subtitle_text_color\":\"#707579\",\"destructive_text_color\":\"#e53935\"}";
    static final String DARK = "{\"bg_color\":\"#212121\",\"text_color\":\"#ffffff\",\"hint_color\":\"#aaaaaa\","
            + "\"link_color\":\"#8774e1\",\"button_color\":\"#8774e1\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#0f0f0f\",\"section_bg_color\":\"#181818\","
            + "\"section_header_text_color\":\"#8774e1\",\"destructive_text_color\":\"#ff595a\"}";
    /** Where the README's picture of the dashboard is kept; tests run in the bot module's folder. */
    static final Path SCREENSHOTS = Path.of("..", "docs");
    /** More than the page puts on screen at once (100), so the rest must come as the table is scrolled. */
    private static final int EXTRA_TRAINEES = 150;
    @TempDir
    static Path temp;
    private static DashboardHarness bot;
    private static Chromium chromium;
    private BrowserPage page;

    @BeforeAll
    static void start() throws IOException {
        bot = new DashboardHarness(temp.resolve("data"), EXTRA_TRAINEES);
        chromium = Chromium.start(temp.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @BeforeEach
    void openTab() {
        page = chromium.open(390, 844);
    }

    @AfterEach
    void noErrorOnThePage() {
        List<String> errors = page.errors();
        page.close();
        assertEquals(List.of(), errors, "errors on the page");
    }

    private void openAsSupervisor(String theme) {
        page.load(bot.launch(bot.initData(BOSS, "王主管"), theme));
        page.waitFor("document.body.dataset.state === 'ready'");
    }

    @Test
    void the_team_table_lists_every_trainee_sorts_by_a_column_and_filters_by_name_and_state() {
        openAsSupervisor(LIGHT);

        assertEquals(100, page.count("#rows tr"), "the first batch");
        assertTrue(page.text("#count").startsWith("显示 " + (3 + EXTRA_TRAINEES) + " / " + (3 + EXTRA_TRAINEES)));
        assertEquals("王主管", page.text("#viewer"));
        assertTrue(page.texts("#rows td.name").get(0).startsWith("李丽"), "overdue work comes first");

        page.click("th[data-sort='average']");
        List<Double> descending = averages();
        String firstOrder = page.eval("document.querySelector(\"th[data-sort='average']\").ariaSort").asText();
        page.click("th[data-sort='average']");
        List<Double> ascending = averages();
        String secondOrder = page.eval("document.querySelector(\"th[data-sort='average']\").ariaSort").asText();

        assertEquals("descending", firstOrder);
        assertEquals("ascending", secondOrder);
        assertSorted(descending, -1);
        assertSorted(ascending, 1);
        assertEquals(descending.size(), ascending.size());

        page.type("#filter", "王小明");
        page.waitFor("document.querySelectorAll('#rows tr').length === 1");
        assertTrue(page.text("#rows td.name").startsWith("王小明"));

        page.eval("(() => { const f = document.getElementById('filter'); f.value = '';"
                + " f.dispatchEvent(new Event('input')); })()");
        page.choose("#show", "overdue");
        page.waitFor("document.querySelectorAll('#rows tr').length === 1");
        assertTrue(page.text("#rows td.name").startsWith("李丽"));
    }

    @Test
    void the_rest_of_a_long_table_follows_as_it_is_scrolled() {
        openAsSupervisor(LIGHT);

        page.waitFor("(() => { const w = document.querySelector('.table-wrap'); w.scrollTop = w.scrollHeight;"
                + " return document.querySelectorAll('#rows tr').length === " + (3 + EXTRA_TRAINEES) + "; })()");

        assertEquals(3 + EXTRA_TRAINEES, page.count("#rows tr"));
        page.click("th[data-sort='name']");
        assertEquals(100, page.count("#rows tr"), "a sort starts again from the top");
    }

    @Test
    void a_trainee_shows_the_trend_per_dimension_every_session_drills_certificates_and_a_transcript() {
        openAsSupervisor(LIGHT);

        openTrainee("王小明", WANG);

        assertEquals("王小明 (@xiaowang)", page.text("#trainee-name"));
        assertEquals(6, page.count("#trends .trend"), "one chart per rubric dimension");
        assertEquals(6, page.count("#trends polyline"), "every dimension was scored at least twice");
        assertEquals(3, page.count("#sessions > li"));
        assertTrue(page.texts("#sessions .what").get(0).contains("专项练习 · 同理心"), "the drill is the newest");
        assertTrue(page.text("#certificates").contains("入门证书"));
        assertTrue(page.text("#reviews").contains("同理心"));

        page.click("#sessions > li:nth-child(2) .session-head");
        page.waitFor("document.querySelector('#sessions > li:nth-child(2) .session-body')");
        assertEquals(6, page.count("#sessions > li:nth-child(2) meter"));
        assertTrue(page.text("#sessions > li:nth-child(2) .session-body").contains("客户满意"));

        page.click("#sessions > li:nth-child(2) .show-transcript");
        page.waitFor("document.querySelectorAll('#sessions .transcript li').length === 2");
        List<String> lines = page.texts("#sessions .transcript li");
        assertEquals(List.of("客户还是没有热水", "学员您别着急,我今天一定修好"), lines);
    }

    @Test
    void a_drill_assigned_from_the_page_is_stored_under_the_rules_of_assign_and_shows_in_the_table() {
        openAsSupervisor(LIGHT);
        openTrainee("李丽", LI);

        page.click("#assign-one");
        page.waitFor("!document.getElementById('sheet').hidden && document.querySelectorAll('#assign-target option')"
                + ".length > 0");
        page.click("input[name='kind'][value='DIMENSION']");
        page.waitFor("document.getElementById('assign-target').value === 'courtesy'");
        page.choose("#assign-target", "empathy");
        page.eval("document.getElementById('assign-due').value = '2025-03-09'");
        page.click("#assign-submit");
        page.waitFor("document.getElementById('assign-error').textContent.length > 0");
        assertTrue(page.text("#assign-error").contains("截止日期已经过了"), page.text("#assign-error"));

        page.eval("document.getElementById('assign-due').value = '2025-03-13'");
        page.click("#assign-submit");
        page.waitFor("document.getElementById('sheet').hidden && !document.getElementById('toast').hidden");

        assertTrue(page.text("#toast").contains("已给 1 位学员布置练习"), page.text("#toast"));
        List<Assignment> open = new ArrayList<>(bot.assignments.open(LI));
        open.removeIf(a -> !a.target().equals(Target.dimension("empathy")));
        assertEquals(1, open.size());
        assertEquals(LocalDate.of(2025, 3, 13), open.get(0).dueDate());
        page.waitFor("document.getElementById('assignments').textContent.includes('专项练习「同理心」')");
    }

    @Test
    void several_trainees_picked_in_the_table_get_a_scenario_at_once() {
        openAsSupervisor(LIGHT);

        page.click("#rows tr[data-id='1000'] td.pick input");
        page.click("#rows tr[data-id='1001'] td.pick input");
        page.waitFor("!document.getElementById('selection').hidden");
        assertEquals("2", page.text("#picked"));
        page.click("#assign-picked");
        page.waitFor("!document.getElementById('sheet').hidden && document.querySelectorAll('#assign-target option')"
                + ".length > 0");
        page.choose("#assign-target", DashboardHarness.HOTEL);
        page.click("#assign-submit");
        page.waitFor("!document.getElementById('toast').hidden");

        assertTrue(page.text("#toast").contains("已给 2 位学员布置练习"), page.text("#toast"));
        assertEquals(Target.scenario(DashboardHarness.HOTEL), bot.assignments.open(1000).get(0).target());
        assertEquals(Target.scenario(DashboardHarness.HOTEL), bot.assignments.open(1001).get(0).target());
        page.waitFor("document.getElementById('selection').hidden");
    }

    @Test
    void forged_init_data_or_a_trainee_is_refused_and_the_page_shows_no_data() {
        String forged = DashboardHarness.initData("7000001:not-this-bots-token", BOSS, "王主管", NOW);

        page.load(bot.launch(forged, LIGHT));
        page.waitFor("document.body.dataset.state === 'refused'");

        assertTrue(page.text("#status").contains("身份验证失败"), page.text("#status"));
        assertEquals(0, page.count("#rows tr"));
        assertTrue(page.eval("document.getElementById('team-view').hidden").asBoolean());

        page.eval("sessionStorage.clear()");
        page.load(bot.launch(bot.initData(WANG, "王小明"), LIGHT));
        page.waitFor("document.body.dataset.state === 'refused'");
        assertTrue(page.text("#status").contains("只供主管和管理员使用"), page.text("#status"));
        assertEquals(0, page.count("#rows tr"));
    }

    @Test
    void names_and_lines_trainees_wrote_show_as_text_and_never_run() {
        openAsSupervisor(LIGHT);

        openTrainee("onerror", MALLORY);
        page.click("#back");
        page.waitFor("!document.getElementById('team-view').hidden");

        assertEquals(MALLORY_NAME, page.text("#rows tr[data-id='" + MALLORY + "'] td.name"));
        assertEquals(0, page.count("#rows img"));

        page.click("#rows tr[data-id='" + MALLORY + "'] td.name button");
        page.waitFor("!document.getElementById('trainee-view').hidden");
        page.click("#sessions > li:nth-child(1) .session-head");
        page.waitFor("document.querySelector('#sessions .show-transcript')");
        page.click("#sessions .show-transcript");
        page.waitFor("document.querySelectorAll('#sessions .transcript li').length === 2");

        assertEquals("学员" + MALLORY_LINE, page.texts("#sessions .transcript li").get(1));
        assertEquals(0, page.count("#sessions script, #sessions .transcript b, #trainee-view img"));
        assertEquals(MALLORY_NAME, page.text("#trainee-name"));
    }

    @Test
    void the_teams_weeks_show_a_line_per_dimension_and_a_row_per_week() {
        openAsSupervisor(LIGHT);

        page.click("#tab-weeks");
        page.waitFor("document.querySelectorAll('#weeks tbody tr').length === " + TeamBoard.WEEKS);

        assertTrue(page.count("#weeks-chart polyline") >= 1);
        assertEquals(6, page.count("#weeks-legend span"));
        assertEquals(9, page.count("#weeks thead th"), "week, trainees, sessions and six dimensions");
    }

    @Test
    void the_page_takes_telegrams_dark_theme_and_fits_a_phone_screen() throws IOException {
        openAsSupervisor(DARK);

        JsonNode look = page.eval("({ dark: document.documentElement.classList.contains('dark'),"
                + " background: getComputedStyle(document.body).backgroundColor,"
                + " overflow: document.documentElement.scrollWidth - window.innerWidth })");

        assertTrue(look.path("dark").asBoolean());
        assertEquals("rgb(15, 15, 15)", look.path("background").asText());
        assertTrue(look.path("overflow").asInt() <= 0, "the page is no wider than the phone: " + look);
    }

    @Test
    void screenshots_of_the_team_a_trainee_and_the_weeks_go_to_docs() throws IOException {
        openAsSupervisor(LIGHT);
        fontsLoaded();
        page.screenshot(SCREENSHOTS.resolve("dashboard.png"));

        page.click("#tab-weeks");
        page.waitFor("document.querySelectorAll('#weeks tbody tr').length === " + TeamBoard.WEEKS);
        fontsLoaded();
        page.screenshot(SCREENSHOTS.resolve("dashboard-weeks.png"));

        page.click("#tab-table");
        openTrainee("王小明", WANG);
        page.click("#sessions > li:nth-child(2) .session-head");
        page.click("#sessions > li:nth-child(2) .show-transcript");
        page.waitFor("document.querySelectorAll('#sessions .transcript li').length === 2");
        page.eval("window.scrollTo(0, 0)");
        fontsLoaded();
        page.screenshotWholePage(SCREENSHOTS.resolve("dashboard-trainee.png"));

        for (String name : List.of("dashboard.png", "dashboard-weeks.png", "dashboard-trainee.png")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 10_000, name);
        }
    }

    /** The Chinese font may be the bundled one, fetched once text needs it; a picture waits for it. */
    private void fontsLoaded() {
        page.eval("new Promise(done => requestAnimationFrame(() => document.fonts.ready.then(() => done(true))))");
    }

    /** Finds the trainee with the search box, as a supervisor with a long list would, and opens their page. */
    private void openTrainee(String name, long id) {
        page.type("#filter", name);
        page.waitFor("document.querySelector(\"#rows tr[data-id='" + id + "']\")");
        page.click("#rows tr[data-id='" + id + "'] td.name button");
        page.waitFor("!document.getElementById('trainee-view').hidden");
    }

    private List<Double> averages() {
        List<Double> out = new ArrayList<>();
        for (String cell : page.texts("#rows tr td:nth-child(5)")) {
            out.add(cell.equals("—") ? null : Double.valueOf(cell));
        }
        return out;
    }

    /** Scored rows in order (direction 1 ascending, -1 descending), rows without a score after them. */
    private static void assertSorted(List<Double> values, int direction) {
        boolean missing = false;
        Double previous = null;
        for (Double v : values) {
            if (v == null) {
                missing = true;
                continue;
            }
            assertFalse(missing, "a row without a score came before a scored one: " + values);
            if (previous != null) {
                assertTrue(direction * Double.compare(v, previous) >= 0, "not sorted: " + values);
            }
            previous = v;
        }
    }
}
