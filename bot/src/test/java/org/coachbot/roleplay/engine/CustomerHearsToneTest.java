package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Polarity;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer hears how a line is meant, apart from the score: goodbyes in many words, a goodbye taken once the
 * agent did something about the problem and objected to before, and a brush-off the rubric does not count answered
 * like one (issue 17).
 */
class CustomerHearsToneTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
            Meaning.NONE);

    @Test
    void a_goodbye_in_other_words_after_part_of_the_remedy_is_taken_curtly() {
        TurnResult r = play("other-department", List.of("实在抱歉,我这就联系安装部门重新派单。"), "那就不耽误您时间了,回头联系。");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
        assertEquals(Outcome.ONGOING, r.outcome(), "not won over: the call is the rules' to end");
    }

    @Test
    void a_goodbye_after_the_agent_said_what_was_done_is_taken_as_a_goodbye() {
        TurnResult r = play("loud-customer", List.of("退款申请提交了"), "感谢您耐心听我说完,有问题随时打过来,祝您生活愉快");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_naming_the_evening_is_no_promise_for_the_evening() {
        TurnResult r = play("midnight-eticket", List.of("改签到明早六点半", "支付问题我明天上午十一点回电"),
                "那今晚就先这样,您注意休息,再见");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_that_restates_a_step_already_offered_is_taken_as_a_goodbye() {
        String step = "实在抱歉,我这就联系安装部门重新派单。";
        TurnResult r = play("other-department", List.of(step), step + "那就不耽误您时间了,再见。");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
    }

    @Test
    void a_silent_caller_lets_the_call_end() {
        TurnResult r = play("silent-customer", List.of("那您再考虑考虑"), "好的,想好了随时打过来,再见");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_before_anything_was_done_is_pushed_back_on() {
        TurnResult r = play(Fixtures.HOTEL, List.of(), "那您先自己看看吧,回头见。");

        assertEquals(Reaction.PUSHBACK, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_on_the_line_that_wins_the_customer_over_ends_the_call_warmly() {
        List<String> before = new ArrayList<>(CustomerUnderstandsTest.satisfyingHotelCall());
        String last = before.remove(before.size() - 1);

        TurnResult r = play(Fixtures.HOTEL, before, last + "您早点休息,晚安。");

        assertEquals(Outcome.SUCCESS, r.outcome());
        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
        assertTrue(Fixtures.scenario(Fixtures.HOTEL).lines().farewell().contains(r.customerLine()), r.customerLine());
    }

    @Test
    void a_brush_off_is_answered_like_one() {
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);

        TurnResult r = play(Fixtures.HOTEL, List.of(), "您跟我喊也没用啊。");

        assertEquals(Reaction.PUSHBACK, r.reaction(), r.customerLine());
        assertTrue(hotel.lines().reaction(MoveKind.DISMISSIVE).contains(r.customerLine()), r.customerLine());
    }

    @Test
    void a_hedge_beside_what_sounds_like_an_over_promise_is_still_pushed_back_on() {
        TurnResult r = play("anxious-customer", List.of(), "尽量吧,我也不能保证。");

        assertEquals(Reaction.PUSHBACK, r.reaction(), r.customerLine());
    }

    @Test
    void not_being_able_to_say_when_and_a_cost_left_to_the_customer_are_pushed_back_on() {
        TurnResult hedge = play("white-screen-after-sales", List.of(), "工程师今天都排满了,什么时候有空我也说不好。");
        TurnResult cost = play("picky-customer", List.of(), "退货可以,运费您自己出。");

        assertEquals(Reaction.PUSHBACK, hedge.reaction(), hedge.customerLine());
        assertEquals(Reaction.PUSHBACK, cost.reaction(), cost.customerLine());
    }

    @Test
    void a_rule_hidden_behind_being_sent_to_look_it_up_and_blame_on_users_are_pushed_back_on() {
        for (String line : List.of("规定不让加,您有事就打热线排队吧", "套餐详情您自己去App上看吧",
                "白屏一般是用户自己乱装东西导致的,您寄过来我们看看吧,大概一周")) {
            TurnResult r = play("white-screen-after-sales", List.of(), line);

            assertEquals(Reaction.PUSHBACK, r.reaction(), line + " -> " + r.customerLine());
        }
    }

    @Test
    void a_threat_to_hang_up_impatience_and_a_comparison_with_other_rooms_are_pushed_back_on() {
        for (String line : List.of("先生您要是再骂人我就只能挂电话了", "行行行,给您赔五十块耽误时间的钱",
                "我刚才不是说过了吗,按1,按1!", "是不是您龙头没拧对啊,我们别的房间都好好的", "您是不是自己乱装软件弄坏的?")) {
            TurnResult r = play(Fixtures.HOTEL, List.of(), line);

            assertEquals(Reaction.PUSHBACK, r.reaction(), line + " -> " + r.customerLine());
        }
    }

    @Test
    void work_put_back_on_the_customer_a_shrug_talking_down_and_an_order_to_be_quiet_are_pushed_back_on() {
        for (String line : List.of("您自己把路由器重启一下试试吧", "押金您先自己垫上,回头再说", "师傅怎么说您就怎么弄嘛",
                "修不修您爱修不修", "八成是您那边网线的问题", "是不是您当时填错地址了", "我讲了您也听不懂",
                "我前面已经跟您讲过了", "主管没空见您的", "我这边也很忙的", "您别这么嚷,我听得见")) {
            TurnResult r = play("white-screen-after-sales", List.of(), line);

            assertEquals(Reaction.PUSHBACK, r.reaction(), line + " -> " + r.customerLine());
        }
    }

    @Test
    void a_cost_the_customer_need_not_bear_or_is_asked_about_is_not_taken_amiss() {
        for (String line : List.of("押金不需要您自己垫。", "维修费是厂家出,还是您自己承担?")) {
            TurnResult r = play("picky-customer", List.of(), line);

            assertTrue(r.reaction().kind() != Reaction.Kind.PUSHBACK, line + " -> " + r.customerLine());
        }
    }

    @Test
    void words_of_empathy_that_only_sound_like_a_brush_off_are_not_taken_amiss() {
        // given: a line the rubric hears as empathy and the tone classifier, by likeness only, as a brush-off
        Scenario loud = Fixtures.scenario("loud-customer");
        Session s = engine.start(loud, 1, 1, 3, NOW);
        String line = "您别急,您慢慢说,我都听着呢";
        DetectedMove empathy = new DetectedMove(MoveKind.EMPATHY, Polarity.GOOD, "empathy", "empathy", line, 1);
        Heard heard = new Heard(line, List.of(empathy), Set.of(), List.of(), List.of(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), false, false, Optional.empty(), false, 0.9,
                Optional.of(MoveKind.DISMISSIVE), false, false);

        // when
        ReplyPlan plan = ReplyPlanner.plan(loud, Hearing.shipped(), s.call(), s, heard, TurnContext.Moment.TALK);

        // then
        assertEquals(Reaction.ACKNOWLEDGE, plan.reaction(), plan.cues().toString());
    }

    @Test
    void a_feeling_called_normal_is_understood_and_a_fault_called_normal_is_a_shrug() {
        TurnResult feeling = play("elderly-caller", List.of(), "担心扣钱很正常,我理解。");
        TurnResult fault = play("elderly-caller", List.of(), "这种情况很正常。");

        assertTrue(feeling.reaction().kind() != Reaction.Kind.PUSHBACK, feeling.customerLine());
        assertEquals(Reaction.PUSHBACK, fault.reaction(), fault.customerLine());
    }

    @Test
    void a_cant_beside_a_step_offered_instead_is_taken_with_the_step() {
        // given: a "can't" the rubric writes out, beside a solution, and beside a mere remedy beat
        Scenario screen = Fixtures.scenario("white-screen-after-sales");
        Session s = engine.start(screen, 1, 1, 3, NOW);
        String line = "远程修不了,我给您安排工程师上门";
        DetectedMove cannot = new DetectedMove(MoveKind.NEGATIVE_LANGUAGE, Polarity.BAD, "negative_cannot",
                "attitude", line, 1);
        DetectedMove solution = new DetectedMove(MoveKind.SOLUTION, Polarity.GOOD, "solution", "ownership", line, 1);
        Heard instead = heard(line, List.of(cannot, solution), Set.of("repair"));
        Heard beatOnly = heard(line, List.of(cannot), Set.of("repair"));

        // when
        ReplyPlan taken = ReplyPlanner.plan(screen, Hearing.shipped(), s.call(), s, instead, TurnContext.Moment.TALK);
        ReplyPlan refused = ReplyPlanner.plan(screen, Hearing.shipped(), s.call(), s, beatOnly,
                TurnContext.Moment.TALK);

        // then
        assertEquals(Reaction.ACKNOWLEDGE, taken.reaction(), taken.cues().toString());
        assertEquals(Reaction.PUSHBACK, refused.reaction(), refused.cues().toString());
    }

    private static Heard heard(String line, List<DetectedMove> moves, Set<String> beats) {
        return new Heard(line, moves, beats, List.of(), List.of(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, Optional.of(line), true, 0.9, Optional.empty(), false, false);
    }

    private TurnResult play(String scenarioId, List<String> before, String line) {
        Scenario scenario = Fixtures.scenario(scenarioId);
        Session s = engine.start(scenario, 1, 1, 3, NOW);
        for (String earlier : before) {
            s = engine.play(scenario, rubric, s, earlier, NOW).session();
        }
        return engine.play(scenario, rubric, s, line, NOW);
    }
}
