package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.MoveDetector;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores of whole calls on the real hotel scenario and rubric, hearing by regular expressions only. */
public class ScorerTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    /** Greets, feels for the guest, asks, offers the real remedy with a time, follows up, closes. */
    public static final List<String> EXCELLENT = List.of(
            "您好,这里是前台,我是小李。大半夜的没热水,真是太难受了,非常抱歉。",
            "请问您住几号房间?",
            "低区有热水正常的空房,我马上给您换过去,十分钟内把房卡送上去,行李员帮您搬东西。",
            "换好以后我再给您打个电话,确认热水没问题。",
            "不客气,还有什么需要随时打前台,祝您晚安。");
    /** Polite throughout, and solves nothing. */
    static final List<String> POLITE_USELESS = List.of(
            "您好,这里是前台,我是小李。真是不好意思,给您添麻烦了。",
            "我特别理解您的心情,累了一天就想洗个热水澡。",
            "请问您是什么时候发现没有热水的?",
            "我帮您跟工程部反映一下,您再稍等等看。");
    public static final List<String> HARMFUL = List.of(
            "喂,又是热水?",
            "那是工程部的事,你找他们去。",
            "你是不是没把龙头拧到底?",
            "随便你,爱投诉就投诉。");
    private final Rubric rubric = Fixtures.rubric();
    private final Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
    private final Scorer scorer = new Scorer();

    @Test
    void an_excellent_call_scores_85_or_more_and_passes() {
        Played excellent = play(EXCELLENT);

        assertEquals(Outcome.SUCCESS, excellent.outcome());
        assertTrue(excellent.card().resolved());
        assertTrue(excellent.card().total() >= 85, excellent.card().toString());
    }

    @Test
    void a_harmful_call_loses_the_customer_and_scores_35_or_less() {
        Played harmful = play(HARMFUL);

        assertEquals(Outcome.FAILURE, harmful.outcome());
        assertTrue(harmful.card().total() <= rubric.scoring().lostCap(), harmful.card().toString());
        assertTrue(harmful.card().total() <= 35, harmful.card().toString());
    }

    @Test
    void a_polite_call_that_solves_nothing_stays_below_an_excellent_one_and_under_the_unresolved_cap() {
        Scorecard polite = play(POLITE_USELESS).card();
        Scorecard excellent = play(EXCELLENT).card();

        assertFalse(polite.resolved());
        assertTrue(polite.total() <= rubric.scoring().unresolvedCap(), polite.toString());
        assertTrue(excellent.total() - polite.total() >= 20, excellent.total() + " vs " + polite.total());
    }

    @Test
    void a_lost_customer_caps_the_total_however_polite_the_rest_was() {
        Session s = transcript(List.of("您好,这里是前台,我是小李。非常抱歉。", "我理解您的心情。",
                "我马上给您换一间有热水的房间,十分钟内办好。"));

        Scorecard card = scorer.score(rubric, hotel, s, Outcome.FAILURE);

        assertTrue(card.total() <= rubric.scoring().lostCap(), card.toString());
    }

    @Test
    void each_offending_line_is_quoted_once_with_the_better_phrasing_of_the_detector_that_fired() {
        Scorecard card = play(HARMFUL).card();

        List<Scorecard.Observation> quoted = card.observations().stream().filter(o -> !o.missed()).toList();
        Set<String> quotes = new HashSet<>();
        quoted.forEach(o -> assertTrue(quotes.add(o.quote()), "quoted twice: " + o.quote()));
        Scorecard.Observation blame = quoted.stream().filter(o -> o.quote().equals("那是工程部的事,你找他们去。"))
                .findFirst().orElseThrow(() -> new AssertionError(card.observations().toString()));
        Detector detector = rubric.detectorsFor(MoveKind.BLAME_OTHER).get(0);
        assertEquals(detector.better(), blame.better());
        assertEquals(detector.section(), blame.section());
        assertEquals(rubric.dimension(detector.dimension()).orElseThrow().name(), blame.dimension());
    }

    @Test
    void a_greeting_in_a_line_that_brushes_the_customer_off_is_not_praised() {
        Scorecard card = play(List.of("你好,热水的事不归我管。", "请问您住几号房间?")).card();

        assertTrue(card.strengths().stream().noneMatch(s -> s.quote().startsWith("你好,热水的事不归我管")),
                card.strengths().toString());
        assertTrue(card.observations().stream().anyMatch(o -> o.quote().equals("你好,热水的事不归我管。")));
    }

    @Test
    void strengths_quote_each_line_at_most_once() {
        Scorecard card = play(EXCELLENT).card();

        Set<String> quotes = new HashSet<>();
        card.strengths().forEach(s -> assertTrue(quotes.add(s.quote()), "praised twice: " + s.quote()));
        assertFalse(card.strengths().isEmpty());
    }

    @Test
    void closing_is_not_asked_for_when_the_customer_was_never_satisfied() {
        Scorecard card = play(POLITE_USELESS).card();

        Detector closing = rubric.detectorsFor(MoveKind.CLOSING).get(0);
        assertTrue(card.observations().stream().noneMatch(o -> o.missed() && o.advice().equals(closing.advice())),
                card.observations().toString());
    }

    @Test
    void a_guarantee_the_agent_cannot_keep_is_flagged_as_an_over_promise() {
        Scorecard card = play(List.of("您好,非常抱歉。", "我保证热水马上就来,您放心。")).card();

        Detector over = rubric.detector("over_promise").orElseThrow();
        assertTrue(card.observations().stream().anyMatch(o -> o.quote().equals("我保证热水马上就来,您放心。")
                && o.better().equals(over.better())), card.observations().toString());
    }

    @Test
    void a_curt_call_with_nothing_rude_in_it_is_capped_and_told_it_sounded_cold() {
        Scorecard curt = play(List.of("前台。", "管道在检修,今晚都这样。", "修好就有热水了。", "嗯。")).card();

        Rubric.Scoring scoring = rubric.scoring();
        assertTrue(curt.total() <= scoring.coldCap() + 10, curt.toString());
        assertTrue(curt.observations().stream().anyMatch(o -> o.missed() && o.advice().equals(scoring.coldAdvice())
                && o.section().equals(scoring.coldSection())), curt.observations().toString());
    }

    @Test
    void a_lost_call_with_more_offences_scores_lower_than_one_with_a_single_slip() {
        Session one = transcript(List.of("您好,非常抱歉。", "那是工程部的事。", "我理解您。"));
        Session four = transcript(List.of("喂?", "那是工程部的事。", "是你自己没开对。", "随便你,爱投诉就投诉。"));

        int single = scorer.score(rubric, hotel, one, Outcome.FAILURE).total();
        int many = scorer.score(rubric, hotel, four, Outcome.FAILURE).total();

        assertTrue(many < single, many + " vs " + single);
    }

    @Test
    void a_slip_in_a_call_that_wins_the_customer_over_costs_its_dimension_points_but_no_line_penalty() {
        List<String> slip = List.of(EXCELLENT.get(0), EXCELLENT.get(1), EXCELLENT.get(2),
                EXCELLENT.get(3), "原来那间今晚能不能修好不好说。", EXCELLENT.get(4));

        Played won = play(slip);

        assertTrue(won.card().resolved(), won.card().toString());
        assertTrue(won.card().adjustments().stream()
                .noneMatch(a -> a.kind() == Scorecard.Adjustment.Kind.OFFENCES), won.card().toString());
        assertTrue(won.card().observations().stream().anyMatch(o -> o.quote().equals("原来那间今晚能不能修好不好说。")),
                won.card().observations().toString());
        assertTrue(won.card().total() < play(EXCELLENT).card().total(), won.card().toString());
    }

    @Test
    void the_same_slip_in_a_call_that_leaves_the_customer_unsatisfied_costs_the_line_penalty() {
        Scorecard unresolved = scorer.score(rubric, hotel, transcript(List.of(EXCELLENT.get(0), "今晚热水恢复不好说。",
                EXCELLENT.get(3))), Outcome.ENDED);

        assertTrue(unresolved.adjustments().stream().anyMatch(a -> a.kind() == Scorecard.Adjustment.Kind.OFFENCES
                && a.points() == rubric.scoring().badLinePenalty()), unresolved.toString());
    }

    @Test
    void a_plain_call_that_wins_the_customer_over_is_not_held_down_as_cold() {
        List<String> plain = List.of("您好,实在抱歉。", "低区1208房有热水,房间换过去。",
                "房卡十分钟送到。", "行李员帮您搬。", "热水器是好的。", "再见。");

        Played won = play(plain);

        assertTrue(won.card().resolved(), won.card().toString());
        assertTrue(won.card().adjustments().stream().noneMatch(a -> a.kind() == Scorecard.Adjustment.Kind.COLD),
                won.card().toString());
    }

    @Test
    void polite_words_between_brush_offs_do_not_lift_the_warmth_cap() {
        List<String> mixed = List.of("您好,这里是前台。", "那是工程部的事。", "不好意思。", "随便你,爱投诉就投诉。",
                "请问您住几号房间?", "我也没办法。");
        List<String> plain = List.of("您好,这里是前台。", "嗯。", "不好意思。", "好的。", "请问您住几号房间?", "嗯。");

        Scorecard curt = scorer.score(rubric, hotel, transcript(mixed), Outcome.ENDED);
        Scorecard quiet = scorer.score(rubric, hotel, transcript(plain), Outcome.ENDED);

        // three warm lines in six: without offences the warmth cap lets the call through, with three it holds it down
        assertTrue(quiet.adjustments().stream().noneMatch(a -> a.kind() == Scorecard.Adjustment.Kind.COLD),
                quiet.toString());
        assertTrue(curt.adjustments().stream().anyMatch(a -> a.kind() == Scorecard.Adjustment.Kind.COLD
                && a.points() < rubric.scoring().warmthCap(3 / 6.0)), curt.toString());
    }

    @Test
    void a_call_that_asks_nothing_because_the_caller_said_it_all_still_scores_as_excellent() {
        List<String> noQuestion = List.of(EXCELLENT.get(0), EXCELLENT.get(2), EXCELLENT.get(3), "不客气,祝您晚安。");

        Played played = play(noQuestion);

        assertTrue(played.card().dimensions().stream().anyMatch(d -> d.id().equals("questioning")
                && d.score() == rubric.dimension("questioning").orElseThrow().baseline()), played.card().toString());
        assertTrue(played.card().total() >= 85, played.card().toString());
    }

    @Test
    void the_remedy_checklist_shows_which_beats_were_offered() {
        Scorecard card = play(EXCELLENT).card();

        assertEquals(hotel.remedy().size(), card.beats().size());
        assertTrue(card.beats().stream().allMatch(Scorecard.Beat::done), card.beats().toString());
        assertTrue(play(POLITE_USELESS).card().beats().stream().noneMatch(Scorecard.Beat::done));
    }

    private record Played(Outcome outcome, Scorecard card) {
    }

    private Session transcript(List<String> lines) {
        MoveDetector detector = new MoveDetector(rubric, Meaning.NONE);
        Session s = Session.opened(1, 1, hotel, 1, "喂?", NOW);
        for (String line : lines) {
            s = s.afterTrainee(line, detector.detect(line, s.traineeTurns() + 1), 3, s.call(), false, NOW);
        }
        return s;
    }

    private Played play(List<String> lines) {
        RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                Meaning.NONE);
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
        return new Played(outcome, scorer.score(rubric, hotel, s, outcome));
    }
}
