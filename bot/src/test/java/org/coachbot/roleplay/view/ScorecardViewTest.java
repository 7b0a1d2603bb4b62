package org.coachbot.roleplay.view;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.text.Texts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorecard says where each dimension's score came from and why the total is below them. */
class ScorecardViewTest {
    private final ScorecardView view = new ScorecardView(Texts.of("roleplay"));

    @Test
    void a_breached_call_states_the_line_the_cap_and_the_dimension_reasons() {
        // given
        Scorecard card = new Scorecard(Fixtures.HOTEL, Outcome.ENDED, 20, false,
                List.of(new Scorecard.DimensionScore("ownership", "情绪掌控与担当", 55,
                        List.of(new Scorecard.Reason("加我微信吧,我微信号是xiaohan88。", -20)))),
                List.of(new Scorecard.Beat("换到有热水的房间", true)), List.of(), List.of(), 3, 0,
                List.of(new Scorecard.Adjustment(Scorecard.Adjustment.Kind.BREACH, 20, 0, "加我微信吧,我微信号是xiaohan88。"),
                        new Scorecard.Adjustment(Scorecard.Adjustment.Kind.OFFENCES, 8, 1, "")), 58);

        // when
        String html = view.scorecard(Fixtures.scenario(Fixtures.HOTEL), card, Fixtures.knowledge(), 80);

        // then
        assertTrue(html.contains("-20「加我微信吧,我微信号是xiaohan88。」"), html);
        assertTrue(html.contains("总分为什么是 20</b>(各维度加权平均 58)"), html);
        assertTrue(html.contains("违反公司规定:「加我微信吧,我微信号是xiaohan88。」,本次判为不通过,总分最高 20 分"), html);
        assertTrue(html.contains("1 句不当说法,每句扣分,共扣 8 分"), html);
    }

    @Test
    void the_remedy_reason_counts_the_steps_offered() {
        Scorecard card = new Scorecard(Fixtures.HOTEL, Outcome.SUCCESS, 90, true,
                List.of(new Scorecard.DimensionScore("resolution", "解决问题与承诺", 95,
                        List.of(new Scorecard.Reason("", 60)))),
                List.of(new Scorecard.Beat("换房", true), new Scorecard.Beat("说清时间", true)), List.of(), List.of(),
                4, 0, List.of(), 90);

        String html = view.scorecard(Fixtures.scenario(Fixtures.HOTEL), card, Fixtures.knowledge(), 80);

        assertTrue(html.contains("+60 解决步骤做到 2/2,客户满意"), html);
        assertFalse(html.contains("总分为什么是"), html);
    }
}
