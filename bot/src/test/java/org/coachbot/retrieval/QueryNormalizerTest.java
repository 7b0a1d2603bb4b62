package org.coachbot.retrieval;

import org.coachbot.knowledge.Glossary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryNormalizerTest {
    private final QueryNormalizer normalizer = new QueryNormalizer();

    @Test
    void should_convert_traditional_to_simplified() {
        assertEquals("客户一直不说话怎么办", normalizer.normalize("客戶一直不說話怎麼辦"));
    }

    @Test
    void should_leave_simplified_text_unchanged() {
        assertEquals("电话响几声要接", normalizer.normalize("电话响几声要接"));
    }

    @Test
    void should_turn_full_width_letters_and_digits_into_lower_case_half_width() {
        assertEquals("abc 123", normalizer.normalize("ＡＢＣ　１２３"));
    }

    @Test
    void should_collapse_punctuation_and_whitespace_into_single_spaces() {
        assertEquals("客户 说 什么", normalizer.normalize("  客户!!\t说。。。什么?  "));
    }

    @Test
    void should_give_the_same_form_for_traditional_full_width_and_simplified_variants() {
        assertEquals(normalizer.normalize("客户不说话怎么办?"), normalizer.normalize("客戶不說話怎麼辦?"));
    }

    @Test
    void should_return_empty_for_null_blank_and_punctuation_only_text() {
        assertEquals("", normalizer.normalize(null));
        assertEquals("", normalizer.normalize("   "));
        assertEquals("", normalizer.normalize("?!。"));
    }

    @Test
    void should_drop_the_asking_agents_own_framing_before_how() {
        assertEquals("客户一直不说话 怎么办", normalizer.question("客户一直不说话,我该怎么办?"));
        assertEquals("客户骂人 怎么回", normalizer.question("客户骂人,我應該怎麼回"));
        assertEquals("客户犹豫如何引导", normalizer.question("客户犹豫我们要如何引导"));
    }

    @Test
    void should_keep_a_我_that_is_not_the_agent_asking_how() {
        assertEquals("客户说我要投诉", normalizer.question("客户说我要投诉"));
        assertEquals("能说 我不能 吗", normalizer.question("能说\"我不能\"吗"));
        assertEquals("", normalizer.question(null));
    }

    @Test
    void should_replace_english_words_the_glossary_knows_with_their_chinese_terms() {
        // given
        QueryNormalizer withGlossary = new QueryNormalizer(new Glossary(Map.of("customer", List.of("客户"),
                "complain", List.of("投诉", "抱怨"), "service", List.of("服务"), "hang up", List.of("挂电话")),
                List.of()));

        // then
        assertEquals("客户 一直 投诉 抱怨 说我们 服务 很差 how to handle",
                withGlossary.question("customer 一直 complain 说我们 service 很差, how to handle?"));
        assertEquals("我能 挂电话 吗", withGlossary.question("我能 Hang Up 吗"));
    }

    @Test
    void should_look_up_english_words_in_single_quotes_and_keep_an_apostrophe_inside_a_word() {
        // given
        QueryNormalizer withGlossary = new QueryNormalizer(new Glossary(Map.of("bad reviews", List.of("差评"),
                "can't breathe", List.of("喘不上气")), List.of()));

        // then
        assertEquals("客户 说 差评", withGlossary.question("客户 说 'bad reviews'"));
        assertEquals("he 喘不上气", withGlossary.question("he can't breathe"));
    }

    @Test
    void should_keep_words_in_capitals_which_name_things_in_the_material() {
        QueryNormalizer withGlossary = new QueryNormalizer(new Glossary(Map.of("service", List.of("服务")),
                List.of()));

        assertEquals("service 七个字母是什么", withGlossary.question("SERVICE七个字母是什么"));
    }
}
