package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a question finds its fact by meaning, with a fake meaning that gives each fact's example questions a fixed
 * closeness to whatever is asked: a question about the customer's own worries is about the fact that plainly leads,
 * and a "您知道……吗" question for a thing a fact never names is not answered with that fact however close its topic.
 */
class FactFinderTest {
    private static final double THRESHOLD = 0.72;
    private final Hearing hearing = Hearing.shipped();

    @Test
    void a_question_about_the_customers_worry_is_about_the_fact_that_plainly_leads_in_meaning() {
        // given: the data fact well ahead of the others, though under the threshold for a story
        Scenario s = Fixtures.scenario("white-screen-after-sales");
        FactFinder finder = new FactFinder(closeness(s, Map.of("data", 0.60, "tried", 0.50)), hearing);

        // when
        FactFinder.Asked asked = finder.read(s, THRESHOLD, TextNormalizer.normalize("资料那块您最担心什么?"));

        // then
        assertEquals(List.of("data"), asked.facts().stream().map(Fact::id).toList());
    }

    @Test
    void a_question_about_the_customers_worry_with_two_facts_as_close_is_about_neither() {
        Scenario s = Fixtures.scenario("white-screen-after-sales");
        FactFinder finder = new FactFinder(closeness(s, Map.of("data", 0.60, "tried", 0.58)), hearing);

        FactFinder.Asked asked = finder.read(s, THRESHOLD, TextNormalizer.normalize("资料那块您最担心什么?"));

        assertTrue(asked.facts().isEmpty(), asked.toString());
    }

    @Test
    void asking_whether_the_customer_knows_a_thing_the_fact_never_names_is_not_answered_with_that_fact() {
        // given: the booking fact very close in topic; it names the unit and the teacher, never the front desk
        Scenario s = Fixtures.scenario("booking-one-night");
        FactFinder finder = new FactFinder(closeness(s, Map.of("booker", 0.95)), hearing);

        // when
        FactFinder.Asked frontDesk = finder.read(s, THRESHOLD,
                TextNormalizer.normalize("您知道订房那天是哪个前台接的电话吗?"));
        FactFinder.Asked teacher = finder.read(s, THRESHOLD, TextNormalizer.normalize("订房的联系人您知道是谁吗?"));

        // then
        assertTrue(frontDesk.facts().isEmpty(), frontDesk.toString());
        assertFalse(frontDesk.unknown().isEmpty(), "the customer does not know it");
        assertEquals(List.of("booker"), teacher.facts().stream().map(Fact::id).toList());
    }

    @Test
    void a_question_before_a_clause_that_tells_still_asks() {
        // given: the budget fact close in meaning; "我好给您想办法" tells, the clause before it asks
        Scenario s = Fixtures.scenario("booking-one-night");
        FactFinder finder = new FactFinder(closeness(s, Map.of("budget", 0.80)), hearing);

        FactFinder.Asked asked = finder.read(s, THRESHOLD,
                TextNormalizer.normalize("房价这块您那边有没有什么限制,我好给您想办法"));

        assertEquals(List.of("budget"), asked.facts().stream().map(Fact::id).toList());
    }

    @Test
    void a_question_then_a_short_do_you_know_is_one_doubted_question() {
        // given: the balance fact close enough for a plain question, not for a doubted one
        Scenario s = Fixtures.scenario("sad-customer");
        FactFinder finder = new FactFinder(closeness(s, Map.of("balance", 0.70)), hearing);

        // when
        FactFinder.Asked asked = finder.read(s, THRESHOLD,
                TextNormalizer.normalize("这张卡开通过国际漫游吗,您清楚吗?"));

        // then
        assertTrue(asked.facts().isEmpty(), asked.toString());
        assertEquals(List.of("这张卡开通过国际漫游吗您清楚吗"), asked.unknown());
    }

    /** A meaning that finds each named fact's example questions this close to any line, and nothing else. */
    private static Meaning closeness(Scenario s, Map<String, Double> byFact) {
        Map<List<String>, Double> byList = new IdentityHashMap<>();
        for (Fact f : s.facts()) {
            byList.put(f.ask(), byFact.getOrDefault(f.id(), 0.0));
        }
        return (clauses, examples) -> byList.getOrDefault(examples, 0.0);
    }
}
