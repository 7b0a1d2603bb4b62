package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoring misfits quoted in issue 17, played on the real scenarios and rubric: each one a trainer saw on a
 * card and would not sign off.
 */
class QuotedMisfitsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final Scorer scorer = new Scorer();

    @Test
    void shouting_down_the_customer_lowers_positive_language_and_ownership_and_is_quoted() {
        Scorecard card = play(Fixtures.HOTEL, List.of("您好,前台。", "吵死了,跟我喊也没用。", "热水在检修,修好就有了。"));

        assertTrue(score(card, "positive_language") < baseline("positive_language"), card.dimensions().toString());
        assertTrue(score(card, "ownership") < baseline("ownership"), card.dimensions().toString());
        assertTrue(quoted(card, "吵死了,跟我喊也没用。"), card.observations().toString());
    }

    @Test
    void blaming_the_customer_with_怪谁_lowers_positive_language() {
        Scorecard card = play("loud-customer", List.of("您好。", "是你自己回短信订的,怪谁?"));

        assertTrue(score(card, "positive_language") < baseline("positive_language"), card.dimensions().toString());
        assertTrue(quoted(card, "是你自己回短信订的,怪谁?"), card.observations().toString());
    }

    @Test
    void hedging_and_hiding_behind_the_rules_are_quoted_each_once() {
        Scorecard card = play("picky-customer", List.of("您好。", "规定就是这样。", "尽量吧。"));

        assertTrue(quoted(card, "规定就是这样。"), card.observations().toString());
        assertTrue(quoted(card, "尽量吧。"), card.observations().toString());
        assertEquals(1, card.observations().stream().filter(o -> o.quote().equals("尽量吧。")).count());
        assertTrue(score(card, "positive_language") < baseline("positive_language"));
    }

    @Test
    void refusing_responsibility_for_the_leave_taken_is_quoted() {
        Scorecard card = play("other-department", List.of("您好,客服。", "我又没让你请假,这个我们不负责。"));

        assertTrue(quoted(card, "我又没让你请假,这个我们不负责。"), card.observations().toString());
    }

    @Test
    void giving_a_private_wechat_fails_the_call_says_why_and_offers_the_refusal_with_the_official_channel() {
        Scorecard card = play("personal-wechat", List.of("您好,我是小韩,谢谢您特意打来。", "行,您加我微信吧,我微信号是xiaohan88。"));

        assertTrue(card.breached());
        assertTrue(card.total() <= rubric.scoring().breachCap(), card.toString());
        Detector contact = rubric.detector("private_contact").orElseThrow();
        assertTrue(card.observations().stream().anyMatch(o -> o.quote().startsWith("行,您加我微信吧")
                && o.better().equals(contact.better())), card.observations().toString());
        assertFalse(card.observations().stream().anyMatch(o -> o.better().startsWith("我现在就去核实")));
        assertTrue(card.adjustments().stream().anyMatch(a -> a.kind() == Scorecard.Adjustment.Kind.BREACH
                && a.quote().startsWith("行,您加我微信吧")), card.adjustments().toString());
    }

    @Test
    void a_goodbye_said_curtly_is_improved_with_a_closing_line_not_an_apology() {
        Scorecard card = play(Fixtures.HOTEL, List.of("前台。", "行了,就这样吧,再见。"));

        Detector closing = rubric.detectorsFor(MoveKind.CLOSING).get(0);
        assertTrue(card.observations().stream().anyMatch(o -> o.quote().equals("行了,就这样吧,再见。")
                && o.better().equals(closing.better())), card.observations().toString());
    }

    @Test
    void a_bare_department_name_is_no_greeting() {
        Scorecard card = play(Fixtures.HOTEL, List.of("前台。", "热水在检修,修好就有了。"));

        assertTrue(quoted(card, "前台。"), card.observations().toString());
    }

    @Test
    void a_line_is_praised_only_for_the_moves_it_says() {
        // given: a classifier that hears an apology in everything
        Meaning apologises = new Meaning() {
            @Override
            public double closeness(List<String> clauses, List<String> examples) {
                return 0;
            }

            @Override
            public double[][] moves(Rubric r, List<String> clauses) {
                double[][] out = new double[clauses.size()][MoveKind.values().length];
                for (double[] clause : out) {
                    clause[MoveKind.APOLOGY.ordinal()] = 1;
                }
                return out;
            }
        };

        // when
        Scorecard card = play(Fixtures.HOTEL, List.of("您好,前台小王。", "请问您是几号房间?"), apologises);

        // then
        assertTrue(card.strengths().stream().noneMatch(s -> s.moves().contains(MoveKind.APOLOGY)),
                card.strengths().toString());
    }

    @Test
    void a_single_plain_question_does_not_make_questioning_perfect() {
        Scorecard card = play(Fixtures.HOTEL, List.of("您好,前台。", "您是哪个房间?"));

        assertTrue(score(card, "questioning") > baseline("questioning"), card.dimensions().toString());
        assertTrue(score(card, "questioning") < 100, card.dimensions().toString());
    }

    @Test
    void each_dimension_names_the_lines_it_came_from() {
        Scorecard card = play(Fixtures.HOTEL, List.of("您好,前台。", "吵死了,跟我喊也没用。"));

        Scorecard.DimensionScore ownership = card.dimensions().stream().filter(d -> d.id().equals("ownership"))
                .findFirst().orElseThrow();
        assertTrue(ownership.reasons().stream().anyMatch(r -> r.quote().equals("吵死了,跟我喊也没用。")
                && r.points() < 0), ownership.toString());
    }

    @Test
    void step_by_step_instructions_and_teach_back_serve_an_elderly_caller_as_warm_lines() {
        Scorecard card = play("elderly-caller", List.of("大爷您好,我是话费客服小陈,您别急,慢慢说。",
                "第一步,拨我们的客服电话;第二步,听到提示以后按数字1,就能听到余额了。",
                "没关系,我再慢一点说一遍:先打客服电话,等里面说完话,再按1。",
                "您跟我说一遍试试,先干什么,再按几?"));

        assertTrue(card.adjustments().stream().noneMatch(a -> a.kind() == Scorecard.Adjustment.Kind.COLD),
                card.adjustments().toString());
        assertTrue(score(card, "positive_language") > baseline("positive_language"), card.dimensions().toString());
    }

    @Test
    void the_card_states_the_caps_and_deductions_that_brought_the_total_down() {
        Scorecard card = play(Fixtures.HOTEL, List.of("您好,前台。", "热水在检修。", "没办法,等着吧。"));

        assertTrue(card.total() < card.average(), card.toString());
        assertTrue(card.adjustments().stream().anyMatch(a -> a.kind() == Scorecard.Adjustment.Kind.OFFENCES
                && a.lines() == 1), card.adjustments().toString());
    }

    private boolean quoted(Scorecard card, String line) {
        return card.observations().stream().anyMatch(o -> o.quote().equals(line) && !o.better().isEmpty());
    }

    private int score(Scorecard card, String dimension) {
        return card.dimensions().stream().filter(d -> d.id().equals(dimension)).findFirst().orElseThrow().score();
    }

    private int baseline(String dimension) {
        return rubric.dimension(dimension).map(Dimension::baseline).orElseThrow();
    }

    private Scorecard play(String scenarioId, List<String> lines) {
        return play(scenarioId, lines, Meaning.NONE);
    }

    private Scorecard play(String scenarioId, List<String> lines, Meaning meaning) {
        Scenario scenario = Fixtures.scenario(scenarioId);
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS, meaning);
        Session s = engine.start(scenario, 1, 1, 9, NOW);
        Outcome outcome = Outcome.ENDED;
        for (String line : lines) {
            TurnResult r = engine.play(scenario, rubric, s, line, NOW);
            s = r.session();
            if (r.outcome().finished()) {
                outcome = r.outcome();
                break;
            }
        }
        return scorer.score(rubric, scenario, s, outcome);
    }
}
