package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.User;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.testing.RecordingResponder;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static org.coachbot.team.TeamHarness.BOSS;
import static org.coachbot.team.TeamHarness.LI;
import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignDeskTest {
    private static final Instant START = ZonedDateTime.of(2025, 3, 1, 9, 0, 0, 0, SHANGHAI).toInstant();
    private final TestClock clock = new TestClock(START, SHANGHAI);
    @TempDir
    Path dataDir;
    private TeamHarness bot;

    @BeforeEach
    void open() {
        bot = new TeamHarness(dataDir, clock);
        bot.say(WANG, "你好");
        bot.say(LI, "你好");
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void picking_trainees_a_scenario_and_a_due_date_with_buttons_assigns_it_to_each() {
        // given
        RecordingResponder picker = bot.say(BOSS, "/assign");
        List<Button> people = buttons(picker);

        // when
        press(data(people, "李丽"));
        RecordingResponder picked = bot.press(BOSS, BOSS.id(), data(buttons(last), "王小明"));
        RecordingResponder what = bot.press(BOSS, BOSS.id(), data(buttons(picked), "选好了"));
        RecordingResponder when = bot.press(BOSS, BOSS.id(), data(buttons(what), "专项:同理心"));
        RecordingResponder done = bot.press(BOSS, BOSS.id(), data(buttons(when), "7 天"));

        // then
        assertTrue(picked.text().contains("已选 2 人"), picked.text());
        assertTrue(when.text().contains("专项练习「同理心」"), when.text());
        assertTrue(done.text().contains("已给 李丽 (@xiaoli)、王小明 (@xiaowang) 布置专项练习「同理心」,截止 3月8日"),
                done.text());
        List<Assignment> made = bot.assignments.current(START);
        assertEquals(2, made.size());
        assertTrue(made.stream().allMatch(a -> a.target().equals(Target.dimension("empathy"))
                && a.dueDate().equals(LocalDate.of(2025, 3, 8))));
    }

    @Test
    void a_username_the_bot_has_never_seen_is_named_in_the_answer_and_nothing_is_assigned() {
        String answer = bot.say(BOSS, "/assign @xiaowang @nobody hotel-no-hot-water 3天").text();

        assertTrue(answer.contains("还不认识 @nobody"), answer);
        assertTrue(bot.assignments.current(START).isEmpty());
    }

    @Test
    void a_word_that_is_neither_a_name_a_scenario_nor_a_date_gets_the_usage() {
        String answer = bot.say(BOSS, "/assign @xiaowang 随便练练").text();

        assertTrue(answer.contains("看不懂「随便练练」"), answer);
        assertTrue(answer.contains("场景编号"), answer);
    }

    @Test
    void a_past_date_is_refused() {
        String answer = bot.say(BOSS, "/assign @xiaowang hotel-no-hot-water 2025-02-20").text();

        assertTrue(answer.contains("已经过了"), answer);
    }

    @Test
    void only_the_supervisor_who_started_it_may_press_its_buttons_and_a_trainee_is_refused_outright() {
        RecordingResponder picker = bot.say(BOSS, "/assign");
        String button = data(buttons(picker), "李丽");
        User otherBoss = new User(2, "赵主管", "", false, true);

        String other = bot.press(otherBoss, otherBoss.id(), button).text();
        String trainee = bot.press(WANG, WANG.id(), button).text();
        String assign = bot.say(WANG, "/assign @xiaoli hotel-no-hot-water 3天").text();

        assertTrue(other.contains("只有发起这次布置的主管"), other);
        assertTrue(trainee.contains("只供主管和管理员"), trainee);
        assertTrue(assign.contains("只供主管和管理员"), assign);
    }

    @Test
    void the_draft_survives_a_restart_and_its_buttons_still_work() {
        String button = data(buttons(bot.say(BOSS, "/assign " + Fixtures.HOTEL)), "王小明");

        bot.restart();
        RecordingResponder picked = bot.press(BOSS, BOSS.id(), button);
        RecordingResponder when = bot.press(BOSS, BOSS.id(), data(buttons(picked), "选好了"));

        assertTrue(when.text().contains("第三步:截止日期"), when.text());
    }

    @Test
    void the_picker_pages_through_many_trainees_leaving_out_supervisors() {
        for (int i = 0; i < 20; i++) {
            bot.say(new User(100 + i, "学员" + i, false), "你好");
        }
        RecordingResponder first = bot.say(BOSS, "/assign");
        RecordingResponder second = bot.press(BOSS, BOSS.id(), data(buttons(first), "下一页"));

        assertTrue(first.text().contains("第 1/3 页"), first.text());
        assertTrue(second.text().contains("第 2/3 页"), second.text());
        assertTrue(buttons(first).stream().noneMatch(b -> b.label().contains("王主管")));
    }

    private RecordingResponder last;

    private void press(String data) {
        last = bot.press(BOSS, BOSS.id(), data);
    }

    private static List<Button> buttons(RecordingResponder out) {
        return out.last().buttons().stream().flatMap(List::stream).toList();
    }

    private static String data(List<Button> buttons, String label) {
        return buttons.stream().filter(b -> b.label().contains(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + buttons)).data();
    }
}
