package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.CallChecks;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorecard beyond the rubric's patterns, on the real scenarios: a fact the trainee made up, an objection the
 * trainee went past, neither on a good call, and the "no"s that are not negative language (with a step of the
 * remedy, declining to guarantee, explaining a limit the agent was briefed on). The customer's lines are written out,
 * as a trainee would have heard them, so each note is checked against what was actually said.
 */
class ScorecardChecksTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final Scenario eticket = Fixtures.scenario("midnight-eticket");
    private final Scorer scorer = new Scorer();

    @Test
    void a_flight_time_the_trainee_made_up_is_quoted_with_the_time() {
        // given: the fact sheet says the flight leaves at 零点五十
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "先生您好,我是值班客服小赵,大半夜在机场付不了款,真是折腾您了。",
                "我马上要登机了!",
                "您别急,您这班飞机早上七点才起飞,时间还很充裕,您先去柜台买普通客票。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        List<Scorecard.Observation> invented = of(card, Scorecard.Observation.Kind.INVENTED_FACT);
        assertEquals(1, invented.size(), card.observations().toString());
        assertEquals("您别急,您这班飞机早上七点才起飞,时间还很充裕,您先去柜台买普通客票。", invented.get(0).quote());
        assertTrue(invented.get(0).advice().contains("七点"), invented.get(0).advice());
    }

    @Test
    void facts_from_the_fact_sheet_or_the_customer_and_times_the_trainee_commits_to_are_not_invented() {
        // given: 零点五十 and MU5137 are on the fact sheet, 六点半 in the briefing, 十点 the customer said
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "您坐的是MU5137吧?零点五十起飞,我先把座位给您留住。",
                "明天上午十点签合同,误了飞机就全完了!",
                "明早六点半还有第一班,九点前落地,不耽误您十点签合同。",
                "好吧。",
                "银行那边我继续跟进,明天上午十一点前给您回电话。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.INVENTED_FACT), card.observations().toString());
    }

    @Test
    void going_past_the_customers_objection_is_quoted_with_what_the_customer_said() {
        // given
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "您好,为了不误机,我先把座位给您保留住。",
                "在机场了,柜台就在前面,可我不想去。",
                "柜台按原价出票,您过去报一下名字就行。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        List<Scorecard.Observation> ignored = of(card, Scorecard.Observation.Kind.IGNORED_OBJECTION);
        assertEquals(1, ignored.size(), card.observations().toString());
        assertEquals("柜台按原价出票,您过去报一下名字就行。", ignored.get(0).quote());
        assertTrue(ignored.get(0).advice().contains("可我不想去"), ignored.get(0).advice());
    }

    @Test
    void saying_goodbye_to_the_customers_question_is_quoted() {
        // given
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "您好,座位我给您留住了,您去柜台按原价买普通客票。",
                "去柜台买?那差价谁出?",
                "祝您旅途愉快,再见。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of("祝您旅途愉快,再见。"), of(card, Scorecard.Observation.Kind.IGNORED_OBJECTION).stream()
                .map(Scorecard.Observation::quote).toList());
    }

    @Test
    void a_good_call_that_takes_up_every_objection_and_keeps_to_the_facts_gets_no_note() {
        // given
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "先生您好,我是值班客服小赵。大半夜付不了款还要赶飞机,换谁都着急,实在抱歉。",
                "我就在二号航站楼,坐着干等!",
                "我先把您MU5137的座位留住,零点五十的飞机误不了。二号航站楼柜台离您就几十米,您过去按原价买普通客票。",
                "在机场了,柜台就在前面,可我不想去。",
                "您不想去柜台,是担心上次那样被多收钱吧?",
                "柜台那帮人,上回坑了我一百多块。",
                "我理解,这次我在系统里备注了原价,一分钱都不会多收;您要是还不放心,也可以免费改签明早六点半的第一班。",
                "行,那我去柜台。",
                "支付的事我继续跟银行核实,二十分钟内给您回电话。还有别的需要吗?祝您一路顺利,再见。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of(), card.observations().stream()
                .filter(o -> o.kind() == Scorecard.Observation.Kind.INVENTED_FACT
                        || o.kind() == Scorecard.Observation.Kind.IGNORED_OBJECTION).toList());
    }

    @Test
    void the_notes_leave_the_score_as_it_was() {
        // given: a scorer whose checks never find anything
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "您好,为了不误机,我先把座位给您保留住。",
                "在机场了,柜台就在前面,可我不想去。",
                "您这班飞机早上七点才起飞,柜台按原价出票,您过去报一下名字就行。");
        CallChecks shipped = CallChecks.shipped();
        // every clause a commitment, so no fact is checked; no customer line an objection or a question
        CallChecks blind = new CallChecks(shipped.noGuarantee(), Pattern.compile(""), shipped.invented(),
                Pattern.compile("(?!)"), Pattern.compile("(?!)"), shipped.heard(),
                shipped.ignored());

        // when
        Scorecard noted = scorer.score(rubric, eticket, call, Outcome.ENDED);
        Scorecard plain = new Scorer(blind).score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertTrue(noted.observations().size() > plain.observations().size());
        assertEquals(plain.total(), noted.total());
        assertEquals(plain.dimensions(), noted.dimensions());
    }

    @Test
    void declining_to_guarantee_is_neither_negative_language_nor_an_over_promise() {
        // given
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "银行系统什么时候恢复我不能跟您打包票,但我会一直盯着,二十分钟内给您回电话。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
    }

    @Test
    void a_no_said_in_the_line_that_offers_a_step_of_the_remedy_is_no_negative_language() {
        // given: the coupon is a step of the picky customer's remedy
        Scenario picky = Fixtures.scenario("picky-customer");
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.start(picky, 1, 1, 5, NOW);
        for (String line : List.of("您好,这里是客服中心,我是小李,线头没剪确实糟心,实在抱歉。",
                "现金赔偿不行哈,可以送您一张二十元优惠券。")) {
            s = engine.play(picky, rubric, s, line, NOW).session();
        }

        // when
        Scorecard card = scorer.score(rubric, picky, s, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
    }

    @Test
    void a_firm_word_on_what_the_briefing_says_can_be_done_is_no_over_promise() {
        // given: the briefing says the parcel can be delivered before six this afternoon
        Scenario anxious = Fixtures.scenario("anxious-customer");
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.start(anxious, 1, 1, 5, NOW);
        s = engine.play(anxious, rubric, s, "我这就给您申请加急派送,今天下午六点前一定送到。", NOW).session();

        // when
        Scorecard card = scorer.score(rubric, anxious, s, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
    }

    @Test
    void a_firm_word_on_what_the_briefing_does_not_allow_is_still_an_over_promise() {
        // given: the briefing says nothing of compensation
        Scenario anxious = Fixtures.scenario("anxious-customer");
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.start(anxious, 1, 1, 5, NOW);
        s = engine.play(anxious, rubric, s, "您放心,绝对没问题,肯定给您赔。", NOW).session();

        // when
        Scorecard card = scorer.score(rubric, anxious, s, Outcome.ENDED);

        // then
        assertEquals(1, of(card, Scorecard.Observation.Kind.OFFENCE).size(), card.observations().toString());
    }

    @Test
    void naming_the_private_wechat_only_to_decline_it_is_no_breach() {
        // given
        Scenario wechat = Fixtures.scenario("personal-wechat");
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.start(wechat, 1, 1, 5, NOW);
        s = engine.play(wechat, rubric, s, "您想加我微信,是把我当自己人了。不过公司不让用私人微信联系客户,这个真不能给。",
                NOW).session();

        // when
        Scorecard card = scorer.score(rubric, wechat, s, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
        assertTrue(card.adjustments().stream().noneMatch(a -> a.kind() == Scorecard.Adjustment.Kind.BREACH));
    }

    @Test
    void giving_the_private_wechat_is_still_a_breach() {
        // given
        Scenario wechat = Fixtures.scenario("personal-wechat");
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
        Session s = engine.start(wechat, 1, 1, 5, NOW);
        s = engine.play(wechat, rubric, s, "行,加我微信吧,我微信号是 liu2024。", NOW).session();

        // when
        Scorecard card = scorer.score(rubric, wechat, s, Outcome.ENDED);

        // then
        assertTrue(card.adjustments().stream().anyMatch(a -> a.kind() == Scorecard.Adjustment.Kind.BREACH));
    }

    @Test
    void explaining_the_limit_the_agent_was_briefed_on_is_no_negative_language() {
        // given: the briefing says the bank cannot complete the payment for now
        Session call = call(
                "我就是要电子客票,否则投诉你!",
                "我刚跟银行核实过,银行系统暂时完成不了支付,什么时候恢复他们也给不了准话。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
    }

    @Test
    void sparing_the_customer_a_check_is_no_brush_off() {
        // given
        Session call = call("我就是要电子客票,否则投诉你!", "银行那边的进度我来盯,结果我短信发您,您不用自己查。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(List.of(), of(card, Scorecard.Observation.Kind.OFFENCE), card.observations().toString());
    }

    @Test
    void a_bare_refusal_is_still_negative_language() {
        // given
        Session call = call("我就是要电子客票,否则投诉你!", "电子客票现在出不了,这个我们办不了。");

        // when
        Scorecard card = scorer.score(rubric, eticket, call, Outcome.ENDED);

        // then
        assertEquals(1, of(card, Scorecard.Observation.Kind.OFFENCE).size(), card.observations().toString());
    }

    private static List<Scorecard.Observation> of(Scorecard card, Scorecard.Observation.Kind kind) {
        return card.observations().stream().filter(o -> o.kind() == kind).toList();
    }

    /** A call from the customer's opening, then trainee and customer lines in turn, heard by patterns only. */
    private Session call(String opening, String... lines) {
        MoveDetector detector = new MoveDetector(rubric, Meaning.NONE);
        Session s = Session.opened(1, 1, eticket, 1, opening, NOW);
        for (int i = 0; i < lines.length; i++) {
            if (i % 2 == 0) {
                s = s.afterTrainee(lines[i], detector.detect(lines[i], s.traineeTurns() + 1), 3, s.call(), false,
                        NOW);
            } else {
                s = s.afterCustomer(lines[i]);
            }
        }
        return s;
    }
}
