package org.coachbot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternBudgetTest {
    private final PatternBudget budget = PatternBudget.DEFAULT;

    @Test
    void a_pattern_that_backtracks_without_end_is_refused() {
        var failure = budget.check(Pattern.compile("(.*?,?)*?z"));

        assertTrue(failure.isPresent());
        assertEquals(PatternBudget.Failure.Kind.TOO_SLOW, failure.get().kind());
    }

    @Test
    void nested_lazy_repetitions_over_the_patterns_own_characters_are_refused() {
        // Java memoises greedy group loops such as (a+)+b; lazy ones still backtrack exponentially.
        assertTrue(budget.check(Pattern.compile("(您*?)*?好")).isPresent());
        assertTrue(budget.check(Pattern.compile("(\\d*?)*?\\.")).isPresent());
    }

    @Test
    void a_cubic_pattern_is_refused_and_a_quadratic_one_passes() {
        assertTrue(budget.check(Pattern.compile(".*.*.*=")).isPresent());
        assertTrue(budget.check(Pattern.compile(".*客服")).isEmpty());
    }

    @Test
    void the_rubrics_kind_of_patterns_pass() {
        for (String regex : new String[]{"[您你]好", "(早上|上午|中午|下午|晚上)好", "我是(小|老)?[^,。!?不]{1,5}(?<!的)",
                "这里是.{0,12}(客服|前台|服务台|中心|酒店|公司|热线)", "给您(添|带来|造成)(了)?(麻烦|不便|困扰)",
                "([0-9]+|[一二三四五六七八九十两半几]+)(个)?(分钟|小时|钟头|天|个工作日|工作日)(内|之内|以内)?"}) {
            assertTrue(budget.check(Pattern.compile(regex)).isEmpty(), regex);
        }
    }

    @Test
    void the_budget_counts_reads_so_a_smaller_one_refuses_sooner() {
        Pattern time = Pattern.compile("([0-9]+|[一二三四五六七八九十两半几]+)(个)?(分钟|小时)");

        assertTrue(new PatternBudget(1_000).check(time).isPresent());
        assertTrue(new PatternBudget(PatternBudget.DEFAULT_READS).check(time).isEmpty());
        assertTrue(budget.mostReads(time) < PatternBudget.DEFAULT_READS / 5, "reads: " + budget.mostReads(time));
    }

    @Test
    void a_pattern_the_engine_cannot_match_without_overflowing_its_stack_is_refused() {
        // A repeated group of alternatives recurses once per repetition: 4,096 of them on a long line.
        var failure = budget.check(Pattern.compile("(您|你)*好"));

        assertEquals(PatternBudget.Failure.Kind.TOO_DEEP, failure.orElseThrow().kind());
        assertEquals(PatternBudget.DEEP_CHARS, failure.get().lineChars());
        assertTrue(budget.check(Pattern.compile("[您你]*好")).isEmpty(), "the character class form is flat");
    }
}
