package org.coachbot.team;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.coachbot.team.TeamHarness.SHANGHAI;
import static org.coachbot.team.TeamHarness.WANG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillPickerTest {
    private static final Instant NOW = Instant.parse("2025-03-05T02:00:00Z");
    private final TestClock clock = new TestClock(NOW, SHANGHAI);
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
    void every_dimension_of_the_real_rubric_has_scenarios_that_train_it() {
        Rubric rubric = Fixtures.rubric();
        for (var d : rubric.dimensions()) {
            Scenario best = Fixtures.book().scenarios().stream()
                    .max(Comparator.comparingInt(s -> DrillPicker.relevance(s, rubric, d.id()))).orElseThrow();
            assertTrue(DrillPicker.relevance(best, rubric, d.id()) > 0, d.id() + " is trained by no scenario");
        }
    }

    @Test
    void a_due_review_comes_before_the_weakest_dimension_and_the_weakest_before_nothing() {
        bot = new TeamHarness(dataDir, clock);
        DrillPicker picker = new DrillPicker(bot.training, clock);
        Rubric rubric = Fixtures.rubric();

        var nothing = picker.dimensionFor(WANG.id(), rubric);
        bot.training.saveReview(new Review(WANG.id(), "questioning", 0, 0, NOW.plus(Duration.ofDays(1)), 60));
        bot.training.saveReview(new Review(WANG.id(), "ownership", 1, 0, NOW.minus(Duration.ofHours(1)), 70));
        var due = picker.dimensionFor(WANG.id(), rubric);

        assertTrue(nothing.isEmpty());
        assertEquals("ownership", due.orElseThrow(), "due, although questioning scored lower");
    }

    @Test
    void the_scenario_of_a_drill_changes_when_the_trainee_just_played_the_best_one() {
        bot = new TeamHarness(dataDir, clock);
        DrillPicker picker = new DrillPicker(bot.training, clock);

        Scenario first = picker.scenarioFor("empathy", WANG.id(), Fixtures.book()).orElseThrow();
        bot.say(WANG, "/roleplay " + first.id());
        bot.say(WANG, "您好");
        bot.say(WANG, "/end");
        Scenario next = picker.scenarioFor("empathy", WANG.id(), Fixtures.book()).orElseThrow();

        assertNotEquals(first.id(), next.id());
        List<Scenario> top = Fixtures.book().scenarios().stream()
                .sorted(Comparator.comparingInt((Scenario s) -> -DrillPicker.relevance(s, Fixtures.rubric(),
                        "empathy"))).limit(DrillPicker.CANDIDATES).toList();
        assertTrue(top.contains(next), "still one of the scenarios that train empathy best");
    }
}
