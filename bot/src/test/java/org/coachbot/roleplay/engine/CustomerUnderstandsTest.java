package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripted customer understands the trainee: each question of a line is heard and answered with its fact, a
 * request counts as a question, the agent's own times are not the customer's, and what the customer cannot know
 * gets an in-character "don't know". The first tests are the misfits of issue 17, played as they were.
 */
class CustomerUnderstandsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final Rubric rubric = Fixtures.rubric();
    private final RolePlayEngine engine = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
            Meaning.NONE);

    @Test
    void a_choice_between_an_outage_and_a_slow_line_is_answered_with_the_outages() {
        assertAnsweredWith("demand-manager", "是断网还是网速慢?", "outages");
    }

    @Test
    void a_request_for_the_tracking_number_is_answered_with_it() {
        TurnResult r = assertAnsweredWith("anxious-customer", "麻烦您先报一下快递单号", "tracking_no");

        assertTrue(r.customerLine().contains("SF1234"), r.customerLine());
    }

    @Test
    void a_request_that_also_offers_to_check_is_answered_with_the_number_not_with_thanks_for_the_offer() {
        TurnResult r = assertAnsweredWith("anxious-customer", "麻烦您把运单号告诉我,我帮您查", "tracking_no");

        assertTrue(r.customerLine().contains("SF1234"), r.customerLine());
    }

    @Test
    void the_address_and_the_afternoon_asked_in_one_line_are_both_answered() {
        TurnResult r = assertAnsweredWith("white-screen-after-sales", "您家地址是?今天下午几点方便?", "home");

        assertTrue(r.customerLine().contains("滨江花园") && r.customerLine().contains("在家"), r.customerLine());
    }

    @Test
    void nights_booked_are_answered_however_the_question_counts_them() {
        assertAnsweredWith("booking-one-night", "请问您当初订的是几个晚上?", "stay");
    }

    @Test
    void the_time_the_installer_was_booked_for_is_answered_with_the_time() {
        TurnResult r = assertAnsweredWith("other-department", "请问安装师傅原来约的是什么时间?", "order");

        assertTrue(r.customerLine().contains("九点到十二点"), r.customerLine());
    }

    @Test
    void the_agent_saying_what_they_want_to_know_asks_the_customer() {
        assertAnsweredWith(Fixtures.HOTEL, "我想了解一下您的房间号是多少", "room");
    }

    @Test
    void the_agent_saying_whom_they_will_ask_asks_the_customer_nothing() {
        TurnResult r = play(Fixtures.HOTEL, List.of(), "我得问问工程部几点能修好");

        assertTrue(r.reaction().facts().isEmpty(), r.customerLine());
        assertTrue(r.reaction() != Reaction.DONT_KNOW, r.customerLine());
    }

    @Test
    void two_questions_about_two_facts_in_one_line_get_both_answers() {
        TurnResult r = play(Fixtures.HOTEL, List.of(), "请问您房间号多少?大概什么时候发现没热水的?");

        assertEquals(List.of("room", "since"), r.reaction().facts());
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
        for (String id : List.of("room", "since")) {
            Fact fact = hotel.facts().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
            assertTrue(fact.answer().stream().anyMatch(r.customerLine()::contains), id + ": " + r.customerLine());
        }
    }

    @Test
    void the_agents_own_time_is_never_taken_for_a_question_about_the_customers() {
        for (String line : List.of("我十分钟后回您电话。", "一点前给您回复,可以吗?")) {
            TurnResult r = play(Fixtures.HOTEL, List.of(), line);

            assertEquals(Reaction.Kind.ACKNOWLEDGE, r.reaction().kind(), line + " -> " + r.customerLine());
            assertEquals(List.of(), r.session().call().facts(), line);
        }
    }

    @Test
    void a_question_about_the_hotels_own_side_gets_an_in_character_dont_know() {
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);

        TurnResult r = play(Fixtures.HOTEL, List.of(), "工程部什么时候能修好您知道吗?");

        assertEquals(Reaction.DONT_KNOW, r.reaction());
        assertTrue(hotel.lines().dontKnow().contains(r.customerLine()), r.customerLine());
    }

    @Test
    void a_question_for_a_thing_the_topics_fact_never_names_gets_a_dont_know_not_the_fact() {
        TurnResult r = play("demand-manager", List.of(), "上次来的维修师傅叫什么名字?");

        assertEquals(Reaction.DONT_KNOW, r.reaction(), r.customerLine());
    }

    @Test
    void whether_the_customer_knows_the_companys_rules_on_a_facts_topic_gets_a_dont_know() {
        TurnResult r = play("loud-customer", List.of(), "您知道我们短信订购的确认规则是怎么设计的吗");

        assertEquals(Reaction.DONT_KNOW, r.reaction(), r.customerLine());
    }

    @Test
    void whether_the_customer_knows_where_a_worker_went_gets_a_dont_know() {
        TurnResult r = play("other-department", List.of(), "那您清楚张师傅今天上午被派到哪去了吗");

        assertEquals(Reaction.DONT_KNOW, r.reaction(), r.customerLine());
    }

    @Test
    void the_agents_own_step_after_the_time_it_names_asks_nothing() {
        TurnResult r = play("anxious-customer", List.of(), "下午四点我再打给您确认派送员到哪了,您手机保持畅通哈");

        assertTrue(r.reaction() != Reaction.DONT_KNOW && r.reaction().facts().isEmpty(), r.customerLine());
    }

    @Test
    void a_promise_too_good_to_be_true_is_doubted() {
        TurnResult r = play("white-screen-after-sales", List.of(), "放心,资料肯定一个字都不会丢");

        assertEquals(Reaction.PUSHBACK, r.reaction(), r.customerLine());
    }

    @Test
    void a_question_already_answered_is_answered_again_as_told() {
        TurnResult r = play(Fixtures.HOTEL, List.of("请问您住几号房间?"), "您房间号是多少来着?");

        assertEquals(List.of("room"), r.reaction().facts());
        assertTrue(r.customerLine().contains("1208"), r.customerLine());
        String said = Fixtures.scenario(Fixtures.HOTEL).lines().memory(Recall.ANSWERED)
                .stream().map(t -> t.substring(0, t.indexOf("{answer}"))).filter(p -> !p.isEmpty())
                .filter(r.customerLine()::startsWith).findFirst().orElse("");
        assertTrue(!said.isEmpty(), "brought up as already told: " + r.customerLine());
    }

    @Test
    void an_upset_customer_answers_with_an_edge_in_the_current_mood() {
        for (long seed = 0; seed < 10; seed++) {
            Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
            Session s = engine.start(hotel, 1, 1, seed, NOW);

            TurnResult r = engine.play(hotel, rubric, s, "请问您住几号房间?", NOW);

            assertTrue(r.session().mood() >= 3, "still angry: " + r.session().mood());
            assertEquals("1208房间,你们登记的时候不是有吗?", r.customerLine());
        }
    }

    @Test
    void an_offence_is_pushed_back_and_a_goodbye_after_the_thanks_closes_the_call() {
        TurnResult offence = play(Fixtures.HOTEL, List.of(), "这不归我管,你找工程部去。");
        assertEquals(Reaction.PUSHBACK, offence.reaction());

        TurnResult close = play(Fixtures.HOTEL, satisfyingHotelCall(), "不客气,祝您晚安。");
        assertEquals(Outcome.SUCCESS, close.outcome());
        assertEquals(Reaction.CLOSE, close.reaction());
    }

    @Test
    void a_goodbye_once_the_whole_remedy_is_offered_is_taken_curtly_not_as_if_nothing_was_solved() {
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);

        TurnResult r = play(Fixtures.HOTEL, List.of("我马上给您换到低区有热水的房间,十分钟内房卡送到。"), "好的,那先这样,晚安。");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
        String line = r.customerLine();
        assertTrue(hotel.lines().mood(1).contains(line) || hotel.lines().farewell().contains(line), line);
        assertEquals(Outcome.ONGOING, r.outcome(), "the customer was not won over: the score is the rules' to judge");
    }

    @Test
    void a_goodbye_that_sounds_like_a_next_step_is_taken_as_a_goodbye_not_as_an_offer() {
        TurnResult r = play("other-department", List.of("实在抱歉,我这就联系安装部门重新派单,今天下午四点前让师傅上门,"
                + "误工的事我给您申请补偿,师傅出发了我给您回电话。"), "好的,那就先这样,再见。");

        assertEquals(Reaction.CLOSE, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_before_anything_was_done_is_objected_to_even_when_it_sounds_like_a_next_step() {
        TurnResult r = play("demand-manager", List.of(), "好的先生,那就先这样,再见。");

        assertEquals(Reaction.PUSHBACK, r.reaction(), r.customerLine());
    }

    @Test
    void a_goodbye_after_the_thanks_ends_the_call_warmly_even_when_it_only_resembles_a_brush_off() {
        // given: a customer who has thanked, and a classifier that hears "那就这样" as a brush-off
        Scenario booking = Fixtures.scenario("booking-one-night");
        Detector brushOff = rubric.detectorsFor(MoveKind.DISMISSIVE).stream().filter(d -> !d.examples().isEmpty())
                .findFirst().orElseThrow();
        Meaning hearsABrushOff = new Meaning() {
            @Override
            public double closeness(List<String> clauses, List<String> examples) {
                return examples.equals(brushOff.examples()) && brushes(clauses) ? 0.95 : 0;
            }

            @Override
            public double[][] moves(Rubric r, List<String> clauses) {
                double[][] out = new double[clauses.size()][MoveKind.values().length];
                for (int i = 0; i < clauses.size(); i++) {
                    out[i][MoveKind.DISMISSIVE.ordinal()] = brushes(List.of(clauses.get(i))) ? 1 : 0;
                }
                return out;
            }

            private boolean brushes(List<String> clauses) {
                return clauses.stream().anyMatch(c -> c.contains("那就这样"));
            }
        };
        RolePlayEngine hearing = new RolePlayEngine(new ScriptedPersona(), RolePlayEngine.DEFAULT_MAX_TURNS,
                hearsABrushOff);
        Session s = hearing.start(booking, 1, 1, 3, NOW);
        for (String line : List.of("非常抱歉,让您二位久等了,出差在外碰上这种事确实让人着急。",
                "您今晚先照常入住,明后两晚我给您安排套房,三个晚上都住我们这儿。", "套房按标准间的价格收,您不用多花一分钱。",
                "明天一早我给科技交流中心的王老师打电话确认。")) {
            s = hearing.play(booking, rubric, s, line, NOW).session();
        }
        assertTrue(s.call().satisfied(), "the customer has thanked");

        // when
        TurnResult r = hearing.play(booking, rubric, s, "好的,那就这样,晚安。", NOW);

        // then
        assertTrue(r.detected().stream().noneMatch(m -> m.kind() == MoveKind.DISMISSIVE),
                "a goodbye that only resembles a brush-off is not scored as one");
        assertEquals(Outcome.SUCCESS, r.outcome());
        assertTrue(booking.lines().farewell().contains(r.customerLine()), r.customerLine());
    }

    static List<String> satisfyingHotelCall() {
        return List.of("非常抱歉,这么晚让您没热水,换作是我也会着急。", "我马上给您换到低区有热水的房间,十分钟内房卡送到。",
                "我负责跟进,换好以后十分钟内给您回电,确认热水没问题。");
    }

    private TurnResult assertAnsweredWith(String scenarioId, String line, String factId) {
        Scenario scenario = Fixtures.scenario(scenarioId);
        Fact fact = scenario.facts().stream().filter(f -> f.id().equals(factId)).findFirst().orElseThrow();

        TurnResult r = play(scenarioId, List.of(), line);

        assertEquals(List.of(factId), r.reaction().facts(), line + " -> " + r.customerLine());
        assertTrue(fact.answer().stream().anyMatch(r.customerLine()::contains), r.customerLine());
        return r;
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
