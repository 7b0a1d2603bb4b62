package org.coachbot.team;

import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.testing.RecordingResponder;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import static org.coachbot.team.TeamHarness.BOSS;
import static org.coachbot.team.TeamHarness.LI;
import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamReportTest {
    private static final Instant NOW = ZonedDateTime.of(2025, 3, 10, 9, 0, 0, 0, SHANGHAI).toInstant();
    private final TestClock clock = new TestClock(NOW, SHANGHAI);
    @TempDir
    Path dataDir;
    private TeamHarness bot;

    @BeforeEach
    void open() {
        bot = new TeamHarness(dataDir, clock);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void each_trainee_shows_counts_average_weakest_dimension_last_practice_and_verdict_but_no_line_they_said() {
        bot.say(WANG, "你好");
        bot.say(LI, "你好");
        finish(WANG.id(), 90, 70, "我保证今天把热水修好", NOW.minusSeconds(3600));
        finish(WANG.id(), 84, 60, "我保证今天把热水修好", NOW.minusSeconds(10 * 86400));
        finish(LI.id(), 50, 95, "您好请问几号房", NOW.minusSeconds(2 * 86400));

        RecordingResponder out = bot.say(BOSS, "/team");
        String html = out.replies.get(0).html();

        assertTrue(html.contains("学员 2 人 · 近 7 天练习过 2 人 · 平均分达到合格线 1 人"), html);
        assertTrue(html.contains("近 7 天 1 次 · 近 30 天 2 次 · 平均 87 分 · ✅ 达标"), html);
        assertTrue(html.contains("最弱:同理心 65 分 · 最近练习 03-10"), html);
        assertTrue(html.contains("平均 50 分 · ❌ 未达标"), html);
        assertTrue(html.indexOf("李丽") < html.indexOf("王小明"), "below the pass mark first: " + html);
        assertFalse(html.contains("我保证"), "scores only, never transcripts: " + html);
        assertTrue(out.replies.get(1).hasImage(), "the team's averages per dimension as a chart");
    }

    @Test
    void a_large_team_is_paged_and_a_trainee_whose_name_is_unknown_is_still_listed() {
        for (int i = 0; i < 20; i++) {
            bot.say(new User(100 + i, "学员" + i, false), "你好");
        }
        finish(999, 70, 70, "您好", NOW.minusSeconds(60));

        Reply first = bot.say(BOSS, "/team").replies.get(0);
        String second = bot.press(BOSS, BOSS.id(), first.buttons().get(0).get(0).data()).text();
        String page = bot.say(BOSS, "/team 2").replies.get(0).html();

        assertTrue(first.html().contains("第 1/2 页"), first.html());
        assertTrue(second.contains("第 2/2 页"), second);
        assertTrue(second.contains("(还没记下名字的学员 999)"), "after the 20 who never practised: " + second);
        assertEquals(second, page);
    }

    @Test
    void team_buttons_are_refused_to_trainees_and_a_bad_argument_gets_the_usage() {
        String pressed = bot.press(WANG, WANG.id(), "tm:team:1").text();
        String usage = bot.say(BOSS, "/team everyone").text();

        assertTrue(pressed.contains("只供主管和管理员"), pressed);
        assertTrue(usage.contains("/team export"), usage);
    }

    @Test
    void team_in_a_group_points_the_supervisor_to_the_private_chat() {
        RecordingResponder out = bot.inGroup(BOSS, "/team@CoachBot", true, null);

        assertTrue(out.text().contains("私聊"), out.text());
        assertEquals("team", out.last().buttons().get(0).get(0).data());
    }

    private void finish(long user, int total, int empathy, String line, Instant at) {
        Session s = new Session(user, user, "hotel-no-hot-water", 1L, 0, new CallState(3, List.of(), List.of(), 1),
                false, List.of(new Utterance(Utterance.Speaker.TRAINEE, line)), List.of(), 0, at, at);
        bot.sessions.finish(s, new Scorecard("hotel-no-hot-water", Outcome.SUCCESS, total, true,
                List.of(new Scorecard.DimensionScore("empathy", "同理心", empathy),
                        new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", 90)),
                List.of(), List.of(), List.of(), 3, 0), at);
    }
}
