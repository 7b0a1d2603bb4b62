package org.coachbot.roleplay.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer remembers what the trainee did and reacts to it instead of asking again as if nothing happened. */
class CustomerMemoryTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final Hearing hearing = Hearing.shipped();
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
            Meaning.NONE);

    @Test
    void a_customer_given_a_private_wechat_takes_it_and_never_asks_for_a_number_again() {
        Scenario wechat = Fixtures.scenario("personal-wechat");
        for (long seed = 0; seed < 20; seed++) {
            // given
            Session s = engine.start(wechat, 1, 1, seed, NOW);
            s = engine.play(wechat, rubric, s, "您好,我是小李,谢谢您特意打来。", NOW).session();

            // when
            TurnResult given = engine.play(wechat, rubric, s, "我的私人微信是xiaoli_88,您加我吧。", NOW);
            List<String> after = new ArrayList<>();
            s = given.session();
            for (String line : List.of("还有什么可以帮您的吗?", "您还有别的事吗?", "好的。", "嗯嗯。", "那就先这样。")) {
                TurnResult r = engine.play(wechat, rubric, s, line, NOW);
                after.add(r.customerLine());
                s = r.session();
            }

            // then
            assertTrue(wechat.lines().memory(Recall.CONTACT).contains(given.customerLine()), given.customerLine());
            assertEquals(Reaction.ACKNOWLEDGE, given.reaction());
            assertTrue(s.call().remembers(Recall.CONTACT));
            for (String line : after) {
                assertFalse(hearing.asksAgain(Recall.CONTACT, line), "seed " + seed + ": asks again: " + line);
            }
            assertFalse(after.contains("你先别挂,号码给我留一个。"), after.toString());
        }
    }

    @Test
    void a_promised_time_is_brought_up_later_and_never_asked_for_again() {
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
        Session s = engine.start(hotel, 1, 1, 5, NOW);
        s = engine.play(hotel, rubric, s, "我马上安排工程部的师傅上去看,二十分钟内到。", NOW).session();
        assertEquals("二十分钟内", s.call().memory().get(0).detail());

        TurnResult later = engine.play(hotel, rubric, s, "您稍等。", NOW);
        List<String> said = new ArrayList<>(List.of(later.customerLine()));
        s = later.session();
        for (String line : List.of("好的。", "嗯。", "我在查。", "稍等一下。")) {
            TurnResult r = engine.play(hotel, rubric, s, line, NOW);
            said.add(r.customerLine());
            s = r.session();
        }

        assertTrue(later.customerLine().contains("二十分钟内"), later.customerLine());
        assertTrue(s.call().memory().get(0).recalled());
        assertEquals(1, said.stream().filter(l -> l.contains("二十分钟")).count(), "brought up once: " + said);
        said.forEach(l -> assertFalse(hearing.asksAgain(Recall.PROMISE, l), "asks for the time again: " + l));
    }

    @Test
    void a_refusal_of_what_cannot_be_done_is_brought_up_later() {
        Scenario picky = Fixtures.scenario("picky-customer");
        Session s = engine.start(picky, 1, 1, 5, NOW);
        s = engine.play(picky, rubric, s, "现金赔偿我们这边没有,只能给您优惠券。", NOW).session();
        assertTrue(s.call().remembers(Recall.REFUSAL), s.call().memory().toString());

        TurnResult later = engine.play(picky, rubric, s, "您稍等。", NOW);

        assertTrue(picky.lines().memory(Recall.REFUSAL).contains(later.customerLine()), later.customerLine());
    }

    @Test
    void what_the_customer_remembers_survives_a_save_and_a_state_saved_before_it_reads_as_nothing_remembered()
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        CallState state = new CallState(3, List.of("hot_water"), List.of("room"), 0, 7,
                List.of(new Remembered(Recall.PROMISE, "二十分钟", 2, true)));

        CallState read = json.readValue(json.writeValueAsString(state), CallState.class);
        CallState old = json.readValue("{\"patience\":3,\"beats\":[],\"facts\":[\"room\"],\"satisfiedAt\":0}",
                CallState.class);

        assertEquals(state, read);
        assertEquals(List.of(), old.memory());
    }
}
