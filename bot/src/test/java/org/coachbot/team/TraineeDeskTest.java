package org.coachbot.team;

import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import static org.coachbot.team.TeamHarness.BOSS;
import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraineeDeskTest {
    private static final Instant NOW = ZonedDateTime.of(2025, 3, 10, 21, 0, 0, 0, SHANGHAI).toInstant();
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
    void remind_says_what_is_wrong_with_a_bad_time_or_zone_and_keeps_the_last_good_setting() {
        bot.say(WANG, "/remind 08:30");

        String badTime = bot.say(WANG, "/remind 25:00").text();
        String badZone = bot.say(WANG, "/remind 08:30 Mars/Olympus").text();
        String status = bot.say(WANG, "/remind").text();

        assertTrue(badTime.contains("看不懂「25:00」"), badTime);
        assertTrue(badZone.contains("不认识时区「Mars/Olympus」"), badZone);
        assertTrue(status.contains("每天 08:30(Asia/Shanghai)"), status);
        assertTrue(bot.say(WANG, "/remind off").text().contains("已关闭"));
        assertTrue(bot.say(WANG, "/remind").text().contains("没有开启"));
    }

    @Test
    void a_reminder_set_in_the_evening_for_the_morning_is_first_due_the_next_morning() {
        String answer = bot.say(WANG, "/remind 8:05").text();

        assertTrue(answer.contains("第一次是 3月11日(周二)"), answer);
    }

    @Test
    void progress_shows_open_assignments_the_next_drill_and_the_reminder() {
        bot.say(WANG, "你好");
        bot.say(BOSS, "/assign @xiaowang hotel-no-hot-water 3天");
        bot.training.saveReview(new Review(WANG.id(), "empathy", 1, 0, NOW.plus(Duration.ofDays(2)), 62));

        String progress = bot.say(WANG, "/progress").text();

        assertTrue(progress.contains("「酒店客人洗澡没有热水」 ⬜ 未开始,截止 3月13日"), progress);
        assertTrue(progress.contains("复习安排:「同理心」3月12日(周三) 到期(上次 62 分"), progress);
        assertTrue(progress.contains("每日提醒没有开启"), progress);
    }

    @Test
    void progress_names_the_same_next_drill_that_drill_starts() {
        bot.say(WANG, "你好");
        bot.training.saveReview(new Review(WANG.id(), "empathy", 1, 0, NOW.minus(Duration.ofDays(1)), 62));
        bot.training.saveReview(new Review(WANG.id(), "questioning", 1, 0, NOW.plus(Duration.ofDays(3)), 70));

        String progress = bot.say(WANG, "/progress").text();
        String drill = bot.say(WANG, "/drill").text();

        assertTrue(progress.contains("下一次 /drill 练「同理心」"), progress);
        assertTrue(drill.contains("同理心"), drill);
        assertFalse(drill.contains("提问与倾听"), drill);
    }

    @Test
    void drill_without_any_score_yet_offers_the_dimensions_and_an_unknown_one_is_named() {
        String first = bot.say(WANG, "/drill").text();
        String unknown = bot.say(WANG, "/drill 耐心").text();
        String named = bot.say(WANG, "/drill 同理心").text();

        assertTrue(first.contains("还没有你的评分"), first);
        assertTrue(unknown.contains("没有「耐心」这个维度"), unknown);
        assertTrue(named.contains("专项练习:同理心</b>(共 3 句)"), named);
    }
}
