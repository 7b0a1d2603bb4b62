package org.coachbot.roleplay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePlayEngineTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
    private final Scenario silent = Fixtures.scenario(Fixtures.SILENT);
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS);

    @Test
    void same_seed_and_lines_give_the_same_conversation() {
        List<String> lines = List.of("喂?", "请问几号房间?", "这个不归我管。", "请问您放了多久的水?", "好的。");
        assertEquals(customerLines(hotel, 42, lines), customerLines(hotel, 42, lines));
        assertNotEquals(customerLines(hotel, 42, lines), customerLines(hotel, 7, lines));
    }

    @Test
    void customer_never_says_the_same_line_twice_in_a_row() {
        for (long seed = 0; seed < 50; seed++) {
            Session s = engine.start(hotel, 1, 1, seed, NOW);
            for (int i = 0; i < 12; i++) {
                String before = s.lastCustomerLine();
                TurnResult r = engine.play(hotel, rubric, s, i % 2 == 0 ? "请问是几号房间?" : "嗯。", NOW);
                assertNotEquals(before, r.customerLine(), "seed " + seed + " turn " + i);
                s = r.session();
            }
        }
    }

    @Test
    void bad_move_is_answered_before_a_good_one_in_the_same_line() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult r = engine.play(hotel, rubric, s, "抱歉,不过这不归我管。", NOW);
        assertTrue(hotel.reactions().get(MoveKind.BLAME_OTHER).contains(r.customerLine()), r.customerLine());
    }

    @Test
    void mood_follows_calms_and_inflames() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        assertEquals(4, s.mood());
        s = engine.play(hotel, rubric, s, "非常抱歉,我理解您的心情。", NOW).session();
        assertEquals(2, s.mood());
        s = engine.play(hotel, rubric, s, "那是工程部的事。", NOW).session();
        assertEquals(4, s.mood());
    }

    @Test
    void silent_customer_stays_guarded_until_an_open_question_draws_them_out() {
        Session s = engine.start(silent, 1, 1, 11, NOW);
        for (String line : List.of("您好。", "请问您用的是什么套餐?", "嗯。")) {
            TurnResult r = engine.play(silent, rubric, s, line, NOW);
            assertTrue(silent.guarded().contains(r.customerLine()), line + " -> " + r.customerLine());
            s = r.session();
        }
        TurnResult drawn = engine.play(silent, rubric, s, "您最担心的是什么呢?能具体说说吗?", NOW);
        assertTrue(drawn.session().drawnOut());
        assertTrue(silent.reactions().get(MoveKind.OPEN_QUESTION).contains(drawn.customerLine()),
                drawn.customerLine());
        TurnResult after = engine.play(silent, rubric, drawn.session(), "请问您用了多久了?", NOW);
        assertTrue(silent.reactions().get(MoveKind.GOOD_QUESTION).contains(after.customerLine()),
                after.customerLine());
    }

    @Test
    void courteous_trainee_resolves_the_call_with_the_success_line() {
        Session s = engine.start(hotel, 1, 1, 5, NOW);
        TurnResult r = null;
        for (String line : List.of("您好,这里是前台,我是小李。非常抱歉给您添麻烦了。",
                "换作是我也会着急。我马上为您换一间有热水的房间。", "我负责跟进,十分钟内给您回电。")) {
            r = engine.play(hotel, rubric, s, line, NOW);
            s = r.session();
        }
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(hotel.success(), r.customerLine());
        assertEquals(0, s.mood());
    }

    @Test
    void reaching_the_top_mood_twice_ends_the_call_with_the_failure_line() {
        Session s = engine.start(hotel, 1, 1, 5, NOW);
        TurnResult first = engine.play(hotel, rubric, s, "那是工程部的事。", NOW);
        assertEquals(Outcome.ONGOING, first.outcome());
        assertEquals(5, first.session().mood());
        TurnResult second = engine.play(hotel, rubric, first.session(), "是你自己没开对。", NOW);
        assertEquals(Outcome.FAILURE, second.outcome());
        assertEquals(hotel.failure(), second.customerLine());
    }

    @Test
    void customer_gives_up_when_the_call_drags_on() {
        RolePlayEngine shortCalls = new RolePlayEngine(new ScriptedPersona(), 3);
        Session s = shortCalls.start(hotel, 1, 1, 5, NOW);
        TurnResult r = null;
        for (int i = 0; i < 3; i++) {
            r = shortCalls.play(hotel, rubric, s, "嗯。", NOW);
            s = r.session();
        }
        assertEquals(Outcome.GAVE_UP, r.outcome());
        assertEquals(hotel.failure(), r.customerLine());
    }

    private List<String> customerLines(Scenario scenario, long seed, List<String> trainee) {
        Session s = engine.start(scenario, 1, 1, seed, NOW);
        List<String> out = new ArrayList<>(List.of(s.lastCustomerLine()));
        for (String line : trainee) {
            TurnResult r = engine.play(scenario, rubric, s, line, NOW);
            out.add(r.customerLine());
            s = r.session();
        }
        return out;
    }
}
