package org.coachbot.roleplay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    static final List<String> COURTEOUS = List.of(
            "您好,这里是前台,我是小李。非常抱歉给您添麻烦了。",
            "换作是我也会着急。请问您是几号房间?",
            "我马上为您换一间有热水的房间,我可以为您把行李一起搬过去。",
            "我负责跟进,十分钟内给您回电。感谢您的耐心。");
    static final List<String> CURT = List.of(
            "喂,你有什么事?",
            "热水不归我管,你找工程部去。",
            "没办法,现在太晚了,你必须等到明天。",
            "随便你,爱投诉就投诉。");
    private final Rubric rubric = Fixtures.rubric();
    private final Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
    private final Scorer scorer = new Scorer();

    @Test
    void courteous_trainee_scores_at_least_twenty_points_more_than_a_curt_one() {
        // given
        Scorecard courteous = play(COURTEOUS);
        Scorecard curt = play(CURT);

        // then
        assertTrue(courteous.total() - curt.total() >= 20, courteous.total() + " vs " + curt.total());
        assertEquals(Outcome.SUCCESS, courteous.outcome());
        assertEquals(Outcome.FAILURE, curt.outcome());
    }

    @Test
    void observations_quote_the_trainee_and_give_the_better_phrasing_costliest_first() {
        Scorecard curt = play(CURT);
        assertTrue(curt.observations().size() >= Scorer.MIN_OBSERVATIONS
                && curt.observations().size() <= Scorer.MAX_OBSERVATIONS, curt.observations().toString());
        Scorecard.Observation first = curt.observations().get(0);
        assertEquals("热水不归我管,你找工程部去。", first.quote());
        assertEquals("这件事由我来负责跟进,十分钟内给您回电。", first.better());
        assertEquals("complaint-handling#别的部门造成的问题怎么处理", first.section());
    }

    @Test
    void a_session_without_mistakes_still_gets_two_observations_about_missed_moves() {
        Scorecard card = play(List.of("您好。"));
        assertEquals(2, card.observations().size());
        assertTrue(card.observations().stream().allMatch(Scorecard.Observation::missed));
        // resolved_when moves come first: the solution, then the promise
        assertEquals("给出具体的补救方案", card.observations().get(0).advice());
    }

    @Test
    void strengths_list_each_good_move_once_with_its_advice_and_quote() {
        Scorecard card = play(COURTEOUS);
        assertEquals(MoveKind.GREETING, card.strengths().get(0).move());
        assertEquals("您好,这里是前台,我是小李。非常抱歉给您添麻烦了。", card.strengths().get(0).quote());
        long distinctMoves = card.strengths().stream().map(Scorecard.Strength::move).distinct().count();
        assertEquals(card.strengths().size(), distinctMoves);
    }

    @Test
    void dimension_scores_start_at_baseline_and_are_clamped() {
        Scorecard nothing = play(List.of("嗯。"));
        assertEquals(List.of(60, 60, 70, 50, 60, 70),
                nothing.dimensions().stream().map(Scorecard.DimensionScore::score).toList());
        // a transcript scored directly: the customer would have hung up before the fifth line
        Session rude = transcript(List.of("没办法。", "不行。", "但是没办法。", "做不到。", "办不了。"));
        assertEquals(40, scorer.score(rubric, hotel, rude, Outcome.ENDED).dimensions().get(2).score(),
                "max_hits 3 caps negative language at -30");
    }

    private Session transcript(List<String> lines) {
        MoveDetector detector = new MoveDetector(rubric);
        Session s = Session.opened(1, 1, hotel, 1, "喂?", NOW);
        for (String line : lines) {
            s = s.afterTrainee(line, detector.detect(line, s.traineeTurns() + 1), 3, 0, false, NOW);
        }
        return s;
    }

    private Scorecard play(List<String> lines) {
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS);
        Session s = engine.start(hotel, 1, 1, 9, NOW);
        Outcome outcome = Outcome.ENDED;
        for (String line : lines) {
            TurnResult r = engine.play(hotel, rubric, s, line, NOW);
            s = r.session();
            if (r.outcome().finished()) {
                outcome = r.outcome();
                break;
            }
        }
        return scorer.score(rubric, hotel, s, outcome);
    }
}
