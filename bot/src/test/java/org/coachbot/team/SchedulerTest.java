package org.coachbot.team;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.testing.RecordingMessenger;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.coachbot.team.TeamHarness.BOSS;
import static org.coachbot.team.TeamHarness.GROUP;
import static org.coachbot.team.TeamHarness.LI;
import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTest {
    private static final Instant START = ZonedDateTime.of(2025, 3, 1, 9, 0, 0, 0, SHANGHAI).toInstant();
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
    void the_next_reminder_is_the_next_time_the_local_clock_shows_it_across_daylight_saving_changes() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant saturdayNight = ZonedDateTime.of(2025, 3, 29, 23, 0, 0, 0, berlin).toInstant();

        Instant gap = Scheduler.next(saturdayNight, LocalTime.of(2, 30), berlin);
        Instant sameDay = Scheduler.next(ZonedDateTime.of(2025, 3, 30, 7, 0, 0, 0, berlin).toInstant(),
                LocalTime.of(8, 30), berlin);
        Instant atThatMinute = Scheduler.next(ZonedDateTime.of(2025, 3, 30, 8, 30, 0, 0, berlin).toInstant(),
                LocalTime.of(8, 30), berlin);

        assertEquals(ZonedDateTime.of(2025, 3, 30, 3, 30, 0, 0, berlin).toInstant(), gap,
                "02:30 does not exist that night; the wall clock shows 03:30 instead");
        assertEquals(Instant.parse("2025-03-30T06:30:00Z"), sameDay);
        assertEquals(Instant.parse("2025-03-31T06:30:00Z"), atThatMinute);
    }

    @Test
    void a_trainee_who_never_wrote_privately_is_told_in_the_group_with_a_private_link_not_privately() {
        bot = new TeamHarness(dataDir, clock);
        bot.inGroup(WANG, "大家好", false, null);

        bot.inGroup(BOSS, "/assign silent-customer 明天", true, WANG);
        bot.team.scheduler().tick();
        bot.team.scheduler().tick();

        List<RecordingMessenger.Sent> group = bot.messenger.to(GROUP);
        assertEquals(1, group.size());
        assertTrue(bot.messenger.to(WANG.id()).isEmpty(), "Telegram would refuse a bot that writes first");
        String html = group.get(0).reply().html();
        assertTrue(html.contains("@xiaowang"), html);
        assertTrue(html.contains("「" + Fixtures.scenario(Fixtures.SILENT).title() + "」"), html);
        assertFalse(html.contains("分"), "no score in a group: " + html);
        assertEquals("rp_silent-customer", group.get(0).reply().buttons().get(0).get(0).data());
    }

    @Test
    void the_supervisor_hears_when_a_trainee_assigned_privately_cannot_be_reached() {
        bot = new TeamHarness(dataDir, clock);
        bot.say(WANG, "你好");
        bot.messenger.unreachable(WANG.id());

        bot.say(BOSS, "/assign @xiaowang silent-customer 明天");
        bot.team.scheduler().tick();

        String note = bot.messenger.to(BOSS.id()).get(0).reply().html();
        assertTrue(note.contains("没能把作业「" + Fixtures.scenario(Fixtures.SILENT).title() + "」发给 王小明"), note);
        assertTrue(bot.say(WANG, "/progress").text().contains(Fixtures.scenario(Fixtures.SILENT).title()),
                "the trainee still finds it in /progress");
    }

    @Test
    void a_reminder_the_bot_missed_while_it_was_down_is_skipped_not_sent_late() {
        bot = new TeamHarness(dataDir, clock);
        bot.say(WANG, "/remind 10:00");

        clock.set(ZonedDateTime.of(2025, 3, 1, 13, 0, 0, 0, SHANGHAI).toInstant());
        bot.team.scheduler().tick();
        clock.set(ZonedDateTime.of(2025, 3, 2, 10, 0, 0, 0, SHANGHAI).toInstant());
        bot.team.scheduler().tick();

        assertEquals(List.of(ZonedDateTime.of(2025, 3, 2, 10, 0, 0, 0, SHANGHAI).toInstant()),
                bot.messenger.to(WANG.id()).stream().map(RecordingMessenger.Sent::at).toList());
    }

    @Test
    void passing_every_scenario_of_a_level_earns_one_certificate_image_listed_in_the_team_report() throws Exception {
        bot = new TeamHarness(dataDir, clock);
        bot.say(LI, "你好");
        List<Scenario> easy = Fixtures.book().scenarios().stream().filter(s -> s.difficulty() == 1).toList();
        PracticeRecorder recorder = new PracticeRecorder(bot.people, bot.assignments, bot.training, Fixtures::book,
                bot.settings(), () -> { });

        for (Scenario s : easy) {
            clock.advance(Duration.ofMinutes(10));
            finish(recorder, s.id(), 86);
            bot.team.scheduler().tick();
        }
        finish(recorder, easy.get(0).id(), 95);
        bot.team.scheduler().tick();

        List<RecordingMessenger.Sent> images = bot.messenger.to(LI.id()).stream()
                .filter(s -> s.reply().hasImage()).toList();
        assertEquals(1, images.size(), "one certificate, sent once");
        assertTrue(images.get(0).reply().html().contains("「入门」级"), images.get(0).reply().html());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(images.get(0).reply().png()));
        assertEquals(CertificateImage.WIDTH, png.getWidth());
        String team = bot.say(BOSS, "/team").replies.get(0).html();
        assertTrue(team.contains("🎓 证书:入门"), team);
    }

    private void finish(PracticeRecorder recorder, String scenario, int total) {
        Session s = new Session(LI.id(), LI.id(), scenario, 1L, 0, new CallState(3, List.of(), List.of(), 1), false,
                List.of(), List.of(), 0, clock.instant(), clock.instant());
        Scorecard card = new Scorecard(scenario, Outcome.SUCCESS, total, true,
                List.of(new Scorecard.DimensionScore("empathy", "同理心", total)), List.of(), List.of(), List.of(), 5, 0);
        bot.sessions.finish(s, card, clock.instant());
        recorder.finished(s, card, clock.instant());
    }
}
