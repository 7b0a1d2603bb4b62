package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.CustomerLines;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripted customer on the real scenarios, hearing by regular expressions only (no embedding model). */
class RolePlayEngineTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
    private final Scenario silent = Fixtures.scenario(Fixtures.SILENT);
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
            Meaning.NONE);

    @Test
    void same_seed_and_lines_give_the_same_conversation() {
        List<String> lines = List.of("喂?", "请问几号房间?", "这个不归我管。", "请问您放了多久的水?", "好的。");
        assertEquals(customerLines(hotel, 42, lines), customerLines(hotel, 42, lines));
        assertNotEquals(customerLines(hotel, 42, lines), customerLines(hotel, 7, lines));
    }

    @Test
    void customer_never_says_the_same_line_twice_in_a_session() {
        List<String> trainee = List.of("请问是几号房间?", "嗯。", "好的", "抱歉。", "😊👍", "OK, I see.", "我理解。",
                "嗯嗯", "对不起。", "您稍等。", "好的好的", "知道了");
        for (Scenario scenario : Fixtures.book().scenarios()) {
            for (long seed = 0; seed < 10; seed++) {
                List<String> said = customerLines(scenario, seed, trainee);
                assertEquals(said.size(), new HashSet<>(said).size(), scenario.id() + " seed " + seed + ": " + said);
            }
        }
    }

    @Test
    void a_question_about_the_fact_sheet_is_answered_with_the_fact() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);

        TurnResult r = engine.play(hotel, rubric, s, "请问您住几号房间?", NOW);

        assertTrue(r.customerLine().contains("1208"), r.customerLine());
        assertEquals(List.of("room"), r.session().call().facts());
    }

    @Test
    void bad_move_is_answered_before_a_good_one_in_the_same_line() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult r = engine.play(hotel, rubric, s, "抱歉,不过这不归我管。", NOW);
        assertTrue(hotel.lines().reaction(MoveKind.BLAME_OTHER).contains(r.customerLine()), r.customerLine());
    }

    @Test
    void mood_moves_at_most_one_step_a_line() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        assertEquals(4, s.mood());

        s = engine.play(hotel, rubric, s, "非常抱歉,换作是我也会着急的。", NOW).session();
        assertEquals(3, s.mood(), "apology and empathy ask for -2, one step is allowed");
        s = engine.play(hotel, rubric, s, "那是工程部的事,你找他们去。", NOW).session();
        assertEquals(4, s.mood());
    }

    @Test
    void kind_words_without_the_remedy_never_satisfy_the_customer() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        for (String line : List.of("非常抱歉给您添麻烦了。", "换作是我也会着急的。", "真的很理解您的心情。",
                "实在对不起,是我们没做好。", "您辛苦了,我特别能体会。")) {
            TurnResult r = engine.play(hotel, rubric, s, line, NOW);
            assertEquals(Outcome.ONGOING, r.outcome());
            s = r.session();
        }
        assertFalse(s.call().satisfied());
        assertEquals(MoodRules.NO_REMEDY_FLOOR, s.mood());
    }

    @Test
    void one_curt_line_does_not_end_the_call_but_repeated_offences_do() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult first = engine.play(hotel, rubric, s, "没办法,等着吧。", NOW);
        assertEquals(Outcome.ONGOING, first.outcome());

        TurnResult r = first;
        for (String line : List.of("那是工程部的事。", "是你自己没开对。", "随便你,爱投诉就投诉。")) {
            r = engine.play(hotel, rubric, r.session(), line, NOW);
            if (r.outcome().finished()) {
                break;
            }
        }
        assertEquals(Outcome.FAILURE, r.outcome());
        assertTrue(hotel.lines().hangup().contains(r.customerLine()), r.customerLine());
    }

    @Test
    void a_paragraph_stuffed_with_the_right_words_does_not_win_the_call_in_one_turn() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        String stuffed = "您好我是前台小李非常抱歉我理解您的心情请问您住几号房间我马上给您换一间有热水的房间"
                + "十分钟内办好我负责跟进给您回电还有什么可以帮您的吗祝您晚安";

        TurnResult r = engine.play(hotel, rubric, s, stuffed, NOW);

        assertEquals(Outcome.ONGOING, r.outcome());
        assertFalse(r.session().call().satisfied());
        assertTrue(r.session().mood() >= hotel.startingMood() - hotel.maxMoodStep());
    }

    @Test
    void a_remedy_that_is_refused_in_the_same_clause_offers_nothing() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult r = engine.play(hotel, rubric, s, "现在没法给您换房,工程部也派不了人。", NOW);
        assertEquals(List.of(), r.session().call().beats());
    }

    @Test
    void a_promise_of_what_cannot_be_done_offers_no_remedy_and_is_heard_as_an_over_promise() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult r = engine.play(hotel, rubric, s, "我保证您马上就有热水。", NOW);

        assertEquals(List.of(), r.session().call().beats());
        assertTrue(r.detected().stream().anyMatch(m -> m.kind() == MoveKind.OVER_PROMISE), r.detected().toString());
    }

    @Test
    void the_satisfied_customer_thanks_and_waits_and_the_trainee_closes_the_call() {
        Session s = engine.start(hotel, 1, 1, 5, NOW);
        List<String> answers = new ArrayList<>();
        for (String line : List.of("您好,这里是前台,我是小李。非常抱歉,大半夜没热水确实太难受了。",
                "请问您住几号房间?", "低区有热水正常的空房,我马上给您换过去,十分钟内房卡送到。",
                "换好以后我再给您打个电话确认热水没问题。")) {
            TurnResult r = engine.play(hotel, rubric, s, line, NOW);
            s = r.session();
            answers.add(r.customerLine());
            assertEquals(Outcome.ONGOING, r.outcome(), line + " -> " + r.customerLine());
        }
        assertTrue(s.call().satisfied(), "mood " + s.mood() + ", beats " + s.call().beats());
        String thanks = answers.get(s.call().satisfiedAt() - 1);
        assertTrue(hotel.lines().satisfied().contains(thanks), thanks);

        TurnResult close = engine.play(hotel, rubric, s, "不客气,还有什么需要随时打前台,祝您晚安。", NOW);

        assertEquals(Outcome.SUCCESS, close.outcome());
        assertTrue(hotel.lines().farewell().contains(close.customerLine()), close.customerLine());
    }

    @Test
    void off_script_input_is_answered_in_character() {
        assertAnsweredFrom(hotel.lines().offScript(OffScript.EMOJI), "😊👍");
        assertAnsweredFrom(hotel.lines().offScript(OffScript.ENGLISH), "Sorry sir, let me check it for you.");
        assertAnsweredFrom(hotel.lines().offScript(OffScript.FILLER), "好的");
        assertAnsweredFrom(hotel.lines().offScript(OffScript.WALL), "我们酒店".repeat(50));
    }

    @Test
    void the_customer_picks_up_the_time_the_trainee_promised() {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        s = engine.play(hotel, rubric, s, "非常抱歉,我理解您的心情。", NOW).session();

        TurnResult r = engine.play(hotel, rubric, s, "我马上安排工程部师傅上去看,二十分钟内到。", NOW);

        assertTrue(r.customerLine().contains("二十分钟"), r.customerLine());
    }

    @Test
    void silent_customer_stays_guarded_until_drawn_out() {
        Session s = engine.start(silent, 1, 1, 11, NOW);
        for (String line : List.of("您好。", "嗯。")) {
            TurnResult r = engine.play(silent, rubric, s, line, NOW);
            assertTrue(silent.lines().guarded().contains(r.customerLine()), line + " -> " + r.customerLine());
            s = r.session();
        }
        TurnResult drawn = engine.play(silent, rubric, s, "您最担心的是什么呢?能具体说说吗?", NOW);
        assertTrue(drawn.session().drawnOut());
        assertFalse(silent.lines().guarded().contains(drawn.customerLine()), drawn.customerLine());
    }

    @Test
    void customer_gives_up_when_the_call_drags_on() {
        RolePlayEngine shortCalls = new RolePlayEngine(new ScriptedPersona(), 3, Meaning.NONE);
        Session s = shortCalls.start(hotel, 1, 1, 5, NOW);
        TurnResult r = null;
        for (String line : List.of("请问您住几号房间?", "请问什么时候发现的?", "请问您试过其他龙头吗?")) {
            r = shortCalls.play(hotel, rubric, s, line, NOW);
            s = r.session();
        }
        assertEquals(Outcome.GAVE_UP, r.outcome());
        assertTrue(hotel.lines().hangup().contains(r.customerLine()), r.customerLine());
    }

    @Test
    void every_scenario_has_five_openings_and_five_lines_for_every_reaction_and_mood() {
        for (Scenario s : Fixtures.book().scenarios()) {
            CustomerLines lines = s.lines();
            assertTrue(lines.opening().size() >= 5, s.id() + " openings");
            lines.reactions().forEach((kind, pool) -> assertTrue(pool.size() >= 5, s.id() + " " + kind));
            for (int mood = Scenario.MIN_MOOD; mood <= Scenario.MAX_MOOD; mood++) {
                assertTrue(lines.mood(mood).size() >= 5, s.id() + " mood " + mood);
            }
            for (OffScript kind : OffScript.values()) {
                assertTrue(lines.offScript(kind).size() >= 5, s.id() + " " + kind);
            }
            for (List<String> pool : List.of(lines.satisfied(), lines.farewell(), lines.hangup())) {
                assertTrue(pool.size() >= 5, s.id() + " " + pool);
            }
        }
    }

    private void assertAnsweredFrom(List<String> pool, String line) {
        Session s = engine.start(hotel, 1, 1, 3, NOW);
        TurnResult r = engine.play(hotel, rubric, s, line, NOW);
        assertTrue(pool.contains(r.customerLine()), line + " -> " + r.customerLine());
    }

    private List<String> customerLines(Scenario scenario, long seed, List<String> trainee) {
        Session s = engine.start(scenario, 1, 1, seed, NOW);
        List<String> out = new ArrayList<>(List.of(s.lastCustomerLine()));
        for (String line : trainee) {
            TurnResult r = engine.play(scenario, rubric, s, line, NOW);
            out.add(r.customerLine());
            s = r.session();
            if (r.outcome().finished()) {
                break;
            }
        }
        return out;
    }
}
