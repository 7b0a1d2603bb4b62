package org.coachbot.team;

import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.scoring.Scorecard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's tables in the bot's SQLite file. */
class TeamStoresTest {
    private static final Instant T0 = Instant.parse("2025-03-01T02:00:00Z");
    @TempDir
    Path dataDir;
    private SqliteSessionStore sessions;
    private TeamDatabase db;
    private SqlitePeople people;
    private SqliteAssignments assignments;
    private SqliteTrainingLog training;

    @BeforeEach
    void open() {
        sessions = SqliteSessionStore.open(dataDir);
        db = TeamDatabase.open(dataDir);
        people = new SqlitePeople(db);
        assignments = new SqliteAssignments(db);
        training = new SqliteTrainingLog(db);
    }

    @AfterEach
    void close() {
        db.close();
        sessions.close();
    }

    @Test
    void people_are_remembered_by_their_latest_telegram_name_and_found_by_username_in_any_case() {
        people.saw(11, "小明", "xiaoming", true, T0);
        people.saw(11, "王小明", "XiaoMing", false, T0.plusSeconds(60));
        people.saw(12, "李丽", "", false, T0.plusSeconds(30));

        assertEquals("王小明 (@XiaoMing)", people.byUsername("@xiaoming").orElseThrow().displayName());
        assertTrue(people.byUsername("@").isEmpty());
        assertEquals(List.of(11L), people.recent(0, 5, Set.of(12L)).stream().map(Person::id).toList());
        assertEquals(List.of(12L), people.recent(1, 5, Set.of()).stream().map(Person::id).toList());
        assertEquals(1, people.count(Set.of(11L)));
        assertTrue(people.find(11).orElseThrow().reachable(), "wrote privately once, and a group message later "
                + "does not undo that");
        assertFalse(people.find(12).orElseThrow().reachable(), "seen in a group only");
    }

    @Test
    void a_reminder_is_claimed_once_even_by_two_schedulers() {
        people.saw(11, "王小明", "", true, T0);
        Instant due = T0.plus(Duration.ofHours(1));
        people.remind(11, LocalTime.of(10, 0), ZoneId.of("Europe/Berlin"), due);

        List<Person> dueNow = people.dueReminders(due);
        boolean first = people.claimReminder(11, due, due.plus(Duration.ofDays(1)));
        boolean second = people.claimReminder(11, due, due.plus(Duration.ofDays(1)));

        assertEquals(ZoneId.of("Europe/Berlin"), dueNow.get(0).zone());
        assertTrue(first);
        assertFalse(second);
        assertTrue(people.dueReminders(due.plusSeconds(60)).isEmpty());
        people.stopReminders(11);
        assertTrue(people.find(11).orElseThrow().reminder().isEmpty());
    }

    @Test
    void assignments_are_sent_once_completed_by_a_later_session_and_kept_in_the_report_for_30_days() {
        Assignment a = new Assignment(0, 11, 1, -100, Target.scenario("hotel-no-hot-water"),
                LocalDate.of(2025, 3, 3), T0.plus(Duration.ofDays(3)), T0, null, null, 0);
        long id = assignments.add(List.of(a)).get(0).id();

        assertEquals(1, assignments.unsent().size());
        assertTrue(assignments.claimNotice(id, T0));
        assertFalse(assignments.claimNotice(id, T0));
        assertTrue(assignments.unsent().isEmpty());
        assertTrue(assignments.complete(11, Target.scenario("hotel-no-hot-water"), T0.minusSeconds(1), 90).isEmpty(),
                "a session before the assignment does not complete it");
        assertTrue(assignments.complete(11, Target.scenario("silent-customer"), T0.plusSeconds(60), 90).isEmpty());
        List<Assignment> done = assignments.complete(11, Target.scenario("hotel-no-hot-water"), T0.plusSeconds(60),
                72);

        assertEquals(72, done.get(0).score());
        assertTrue(assignments.open(11).isEmpty());
        assertEquals(1, assignments.current(T0).size());
        assertTrue(assignments.current(T0.plus(Duration.ofDays(1))).isEmpty());
    }

    @Test
    void a_draft_keeps_its_trainees_and_target_until_deleted() {
        Draft d = assignments.newDraft(1, -100, List.of(11L), T0);
        assignments.saveDraft(d.toggle(12).toggle(11).withTarget(Target.dimension("empathy")).onPage(2));

        Draft read = assignments.draft(d.id()).orElseThrow();
        assignments.deleteDraft(d.id());

        assertEquals(List.of(12L), read.trainees());
        assertEquals(Target.dimension("empathy"), read.target());
        assertEquals(2, read.page());
        assertTrue(assignments.draft(d.id()).isEmpty());
    }

    @Test
    void stats_count_the_last_7_and_30_days_and_average_full_sessions_and_drills_on_their_own_dimension() {
        finish(11, "hotel-no-hot-water", Drill.NONE, 70, Map.of("empathy", 60, "courtesy", 90), T0);
        finish(11, "hotel-no-hot-water", Drill.NONE, 90, Map.of("empathy", 80, "courtesy", 100),
                T0.minus(Duration.ofDays(10)));
        finish(11, "silent-customer", Drill.of("empathy", 3), 30, Map.of("empathy", 100, "courtesy", 10),
                T0.minus(Duration.ofDays(1)));
        finish(11, "silent-customer", Drill.NONE, 10, Map.of("empathy", 0, "courtesy", 0),
                T0.minus(Duration.ofDays(40)));

        TraineeStats s = training.stats(T0.minus(Duration.ofDays(7)), T0.minus(Duration.ofDays(30))).get(0);

        assertEquals(2, s.week());
        assertEquals(3, s.month());
        assertEquals(80.0, s.average(), 0.001, "full sessions of 30 days: 70 and 90");
        assertEquals(80.0, s.dimensions().get("empathy"), 0.001, "60, 80 and the drill's 100");
        assertEquals(95.0, s.dimensions().get("courtesy"), 0.001, "the drill's courtesy does not count");
        assertEquals("empathy", s.weakest().orElseThrow());
        assertEquals(T0, s.last());
        assertEquals(Map.of("hotel-no-hot-water", 90, "silent-customer", 10), training.bestScores(11));
        assertEquals(List.of("hotel-no-hot-water", "silent-customer"), training.recentScenarios(11, 2));
    }

    @Test
    void the_export_reads_every_session_once_with_its_scores_oldest_first() {
        finish(11, "hotel-no-hot-water", Drill.NONE, 70, Map.of("empathy", 60), T0);
        finish(12, "silent-customer", Drill.of("courtesy", 2), 40, Map.of("courtesy", 85, "empathy", 20),
                T0.plusSeconds(60));
        List<SessionRow> rows = new ArrayList<>();

        training.forEachSession(rows::add);

        assertEquals(2, rows.size());
        assertEquals(Map.of("empathy", 60), rows.get(0).scores());
        assertEquals("courtesy", rows.get(1).drill());
        assertEquals(Map.of("courtesy", 85, "empathy", 20), rows.get(1).scores());
    }

    @Test
    void a_certificate_is_stored_once_per_level_and_claimed_once() {
        Certificate c = new Certificate(11, 1, T0, Map.of("elderly-caller", 85), null);

        assertTrue(training.addCertificate(c));
        assertFalse(training.addCertificate(c));
        assertEquals(1, training.unsentCertificates().size());
        assertTrue(training.claimCertificate(11, 1, T0));
        assertFalse(training.claimCertificate(11, 1, T0));
        assertTrue(training.unsentCertificates().isEmpty());
        assertEquals(Map.of("elderly-caller", 85), training.certificates().get(11L).get(0).scores());
    }

    @Test
    void reviews_are_kept_per_dimension_earliest_due_first() {
        training.saveReview(new Review(11, "empathy", 1, 0, T0.plus(Duration.ofDays(3)), 60));
        training.saveReview(new Review(11, "courtesy", 0, 0, T0.plus(Duration.ofDays(1)), 70));
        training.saveReview(new Review(11, "empathy", 2, 1, T0.plus(Duration.ofDays(7)), 85));
        training.clearReview(11, "courtesy");

        List<Review> reviews = training.reviews(11);

        assertEquals(1, reviews.size());
        assertEquals(2, reviews.get(0).reviews());
    }

    private void finish(long user, String scenario, Drill drill, int total, Map<String, Integer> scores, Instant at) {
        Session s = new Session(user, user, scenario, 1L, 2, new CallState(3, List.of(), List.of(), 0), false,
                List.of(new Utterance(Utterance.Speaker.CUSTOMER, "喂?"),
                        new Utterance(Utterance.Speaker.TRAINEE, "您好")),
                List.of(), 0, at.minusSeconds(120), at, drill);
        List<Scorecard.DimensionScore> dims = scores.entrySet().stream()
                .map(e -> new Scorecard.DimensionScore(e.getKey(), e.getKey(), e.getValue())).toList();
        sessions.finish(s, new Scorecard(scenario, Outcome.ENDED, total, false, dims, List.of(), List.of(), List.of(),
                1, 0), at);
    }
}
