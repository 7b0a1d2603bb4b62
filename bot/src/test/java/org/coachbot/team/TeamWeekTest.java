package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.Reply;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.testing.RecordingMessenger;
import org.coachbot.testing.RecordingResponder;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.coachbot.team.TeamHarness.BOSS;
import static org.coachbot.team.TeamHarness.LI;
import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A week of team coaching on a simulated clock: an assignment to two trainees, one finishing it, drills coming
 * back, daily reminders in two time zones across a daylight-saving change, and a restart in the middle of the week.
 */
class TeamWeekTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 27 March 2025, 09:00 in Shanghai; Berlin moves its clocks forward on Sunday the 30th. */
    private static final Instant START = ZonedDateTime.of(2025, 3, 27, 9, 0, 0, 0, SHANGHAI).toInstant();
    private static final Duration STEP = Duration.ofMinutes(15);
    private final TestClock clock = new TestClock(START, SHANGHAI);
    @TempDir
    Path dataDir;
    private TeamHarness bot;

    @AfterEach
    void close() {
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void a_week_of_assignments_drills_and_reminders_sends_everything_once_at_the_right_local_time() throws Exception {
        bot = new TeamHarness(dataDir, clock);
        RecordingMessenger sent = bot.messenger;

        // Day 0: the trainees chat in the group, set their reminders, and the supervisor assigns a scenario.
        bot.inGroup(WANG, "大家早上好", false, null);
        bot.inGroup(LI, "早", false, null);
        assertTrue(bot.say(WANG, "/remind 08:30").text().contains("每天 08:30(Asia/Shanghai)"));
        assertTrue(bot.say(LI, "/remind 08:30 Europe/Berlin").text().contains("Europe/Berlin"));
        String confirmation = bot.inGroup(BOSS, "/assign@CoachBot @xiaoli hotel-no-hot-water 3天", true, WANG)
                .text();
        assertTrue(confirmation.contains("王小明 (@xiaowang)、李丽 (@xiaoli)"), confirmation);
        assertTrue(confirmation.contains("3月30日"), confirmation);
        bot.team.scheduler().tick();

        List<RecordingMessenger.Sent> notices = sent.sent.stream()
                .filter(s -> s.reply().html().contains("新的练习作业")).toList();
        assertEquals(Set.of(WANG.id(), LI.id()), Set.copyOf(notices.stream().map(RecordingMessenger.Sent::chatId)
                .toList()));
        Button start = notices.get(0).reply().buttons().get(0).get(0);
        assertEquals("rp:start:" + Fixtures.HOTEL, start.data());
        assertTrue(notices.get(0).reply().html().contains("王主管"), notices.get(0).reply().html());

        // One trainee starts it from the button and finishes the call.
        assertTrue(bot.press(WANG, WANG.id(), start.data()).text().contains("对练开始"));
        bot.say(WANG, "您好,请问是几号房间?");
        bot.say(WANG, "非常抱歉,换作是我也会着急。");
        assertTrue(bot.say(WANG, "/end").text().contains("对练评分"));

        String team = bot.say(BOSS, "/team").replies.get(0).html();
        assertTrue(team.contains("王小明 (@xiaowang)"), team);
        assertTrue(team.contains("「酒店客人洗澡没有热水」 ✅ 已完成"), team);
        assertTrue(team.contains("李丽 (@xiaoli)"), team);
        assertTrue(team.contains("⬜ 未开始"), team);
        Reply export = bot.say(BOSS, "/team export").last();
        String csv = new String(Files.readAllBytes(export.file().path()), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF练习编号,学员"), csv);
        assertEquals(2, csv.lines().count(), "the header and the one finished session: " + csv);
        assertTrue(csv.contains(",王小明,xiaowang,11,hotel-no-hot-water,酒店客人洗澡没有热水,2,完整对练"), csv);

        List<Review> due = bot.training.reviews(WANG.id());
        assertFalse(due.isEmpty(), "a first call leaves dimensions below the pass mark");
        assertEquals(ZonedDateTime.of(2025, 3, 28, 0, 0, 0, 0, SHANGHAI).toInstant(), due.get(0).dueAt(),
                "due from midnight the next day, so the 08:30 reminder offers it");

        // The week goes by; on day 1 the trainee drills, on day 3 the bot restarts.
        Instant drillAt = START.plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
        Instant restartAt = START.plus(Duration.ofDays(3)).plus(Duration.ofHours(3));
        Instant end = START.plus(Duration.ofDays(7));
        String drilled = null;
        while (clock.instant().isBefore(end)) {
            clock.advance(STEP);
            if (clock.instant().equals(restartAt)) {
                bot.restart();
                sent = bot.messenger;
            }
            bot.team.scheduler().tick();
            if (clock.instant().equals(drillAt)) {
                drilled = drill();
            }
        }

        // Reminders: one a day each, at 08:30 on the trainee's own clock, none twice across the restart.
        List<RecordingMessenger.Sent> wang = reminders(sent, WANG.id());
        List<RecordingMessenger.Sent> li = reminders(sent, LI.id());
        assertEquals(7, wang.size(), "Shanghai: 28 March to 3 April");
        assertEquals(7, li.size(), "Berlin: 27 March to 2 April");
        assertDaily(wang, SHANGHAI, LocalDate.of(2025, 3, 28));
        assertDaily(li, BERLIN, LocalDate.of(2025, 3, 27));
        assertEquals(Instant.parse("2025-03-29T07:30:00Z"), li.get(2).at(), "08:30 in winter time");
        assertEquals(Instant.parse("2025-03-30T06:30:00Z"), li.get(3).at(), "08:30 in summer time");
        assertTrue(wang.get(0).reply().html().contains("该复习"), wang.get(0).reply().html());
        assertTrue(li.get(0).reply().html().contains("作业「酒店客人洗澡没有热水」"), li.get(0).reply().html());
        assertTrue(li.get(6).reply().html().contains("已逾期"), li.get(6).reply().html());
        assertEquals(2, sent.sent.stream().filter(s -> s.reply().html().contains("新的练习作业")).count(),
                "assignment notices are not sent again after the restart");

        // The drill on day 1 trained a due dimension, which now comes back 3 days later.
        assertTrue(drilled.contains("专项练习评分"), drilled);
        Review after = bot.training.reviews(WANG.id()).stream().filter(r -> r.reviews() == 1).findFirst()
                .orElseThrow();
        assertEquals(ZonedDateTime.of(2025, 3, 31, 0, 0, 0, 0, SHANGHAI).toInstant(), after.dueAt());

        String finalTeam = bot.say(BOSS, "/team").replies.get(0).html();
        assertTrue(finalTeam.contains("⏰ 已逾期"), finalTeam);
        assertTrue(finalTeam.indexOf("李丽") < finalTeam.indexOf("王小明"), "overdue work comes first: " + finalTeam);
    }

    /** The trainee asks for a drill and says three lines; returns the drill's card. */
    private String drill() {
        String intro = bot.say(WANG, "/drill").text();
        assertTrue(intro.contains("专项练习:"), intro);
        bot.say(WANG, "您好,这里是前台,我是小王。");
        bot.say(WANG, "真的非常抱歉,给您添麻烦了。");
        return bot.say(WANG, "请问您是几号房间?我马上为您处理。").text();
    }

    private static List<RecordingMessenger.Sent> reminders(RecordingMessenger sent, long chat) {
        return sent.to(chat).stream().filter(s -> s.reply().html().contains("每日练习提醒")).toList();
    }

    private static void assertDaily(List<RecordingMessenger.Sent> reminders, ZoneId zone, LocalDate first) {
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < reminders.size(); i++) {
            ZonedDateTime local = reminders.get(i).at().atZone(zone);
            assertEquals(LocalTime.of(8, 30), local.toLocalTime(), "reminder " + i + " at " + local);
            assertEquals(first.plusDays(i), local.toLocalDate());
            assertTrue(days.add(local.toLocalDate()), "two reminders on " + local.toLocalDate());
        }
    }
}
