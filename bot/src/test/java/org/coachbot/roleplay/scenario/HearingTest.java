package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped hearing vocabulary loads, hears kinds of question, and a broken one is refused with its line. */
class HearingTest {
    private final Hearing hearing = Hearing.shipped();

    @Test
    void questions_are_heard_by_kind() {
        assertEquals(Set.of("when"), hearing.kindsOf("热水是从几点开始没有的"));
        assertTrue(hearing.kindsOf("您家住哪个小区几号楼").containsAll(Set.of("where", "which")));
        assertTrue(hearing.kindsOf("麻烦报一下您的订单号").contains("number"));
        assertTrue(hearing.kindsOf("这个月一共扣了您多少钱").contains("amount"));
    }

    @Test
    void a_request_without_a_question_word_asks_and_a_consent_question_does_not() {
        assertTrue(hearing.asks("麻烦您先报一下快递单号"));
        assertTrue(hearing.asks("您把运单号告诉我"));
        assertTrue(hearing.asks("单号麻烦再说一遍"), "asked to say it again");
        assertTrue(hearing.onlyChecks("给您换到1206可以吗"));
        assertTrue(hearing.onlyChecks("还有什么可以帮您的吗"));
        assertFalse(hearing.onlyChecks("麻烦报一下房号好吗"), "still asks for the room");
    }

    @Test
    void a_telling_phrase_silences_only_the_clauses_it_touches() {
        String sentence = "房价这块您那边有没有什么限制,我好给您想办法";

        assertFalse(hearing.tells(sentence, "房价这块您那边有没有什么限制"), "the first clause still asks");
        assertTrue(hearing.tells(sentence, "我好给您想办法"));
        assertTrue(hearing.tells("有什么问题,随时打过来", "有什么问题"), "told across the comma");
    }

    @Test
    void asking_whether_an_offer_is_wanted_only_asks_for_consent() {
        assertTrue(hearing.onlyChecks("早餐也可以提前给您打包您看需要吗"));
        assertFalse(hearing.onlyChecks("您需要我们开发票吗"), "asks what kind of thing");
    }

    @Test
    void a_question_about_the_companys_side_is_one_the_customer_may_not_know() {
        assertTrue(hearing.mayNotKnow("工程部什么时候能修好您知道吗"));
        assertTrue(hearing.mayNotKnow("您知道快递员叫什么吗"));
        assertFalse(hearing.mayNotKnow("您能具体说说是怎么回事吗"), "the customer tells the story");
        assertFalse(hearing.mayNotKnow("您希望我们怎么处理比较好"), "the customer has wishes");
    }

    @Test
    void a_question_about_the_customers_own_errand_worries_or_problem_is_never_one_they_may_not_know() {
        assertFalse(hearing.mayNotKnow("请问您这次来是办什么事"), "their own errand");
        assertFalse(hearing.mayNotKnow("资料那块您最担心什么"), "their own worry");
        assertFalse(hearing.mayNotKnow("您是不是急着休息,明天一早还有事"), "their own plans");
        assertFalse(hearing.mayNotKnow("您描述一下洗衣机是怎么晃的"), "their own story");
        assertTrue(hearing.asksTheirOwn("您具体说说电脑现在是个什么状况"));
        assertFalse(hearing.asksTheirOwn("您知道是哪个快递员负责派送的吗"), "asks what they know, not what they do");
    }

    @Test
    void who_what_size_and_a_trailing_ne_are_question_words_but_anyone_is_not() {
        assertTrue(hearing.questionWords("当时是谁接的电话"));
        assertTrue(hearing.questionWords("那您的订单号呢"));
        assertTrue(hearing.questionWords("咋回事"));
        assertTrue(hearing.questionWords("洗衣机多大"));
        assertTrue(hearing.questionWords("断网对您影响大不大"), "an A-not-A question");
        assertTrue(hearing.questionWords("背面那几颗运输螺栓您拆了没有啊"));
        assertFalse(hearing.questionWords("谁的问题我们自己处理"));
        assertFalse(hearing.questionWords("很多人都会碰到,不是啥大事"));
        assertTrue(hearing.tells("住不住您自己决定"));
        assertTrue(hearing.tells("一周内我们会给您回访,看看热水器用着怎么样"));
        assertFalse(hearing.questionWords("一周断三次换谁都会生气"));
        assertFalse(hearing.questionWords("平白多扣钱谁都着急"));
    }

    @Test
    void the_thing_a_question_asks_for_by_name_is_heard_but_not_a_time_or_a_situation() {
        assertEquals(List.of("套餐"), hearing.thingsAsked("您父亲这个号码办的是什么套餐"));
        assertEquals(List.of("名字"), hearing.thingsAsked("上次来的维修师傅叫什么名字"));
        assertEquals(List.of(), hearing.thingsAsked("是什么时候开始的"));
        assertEquals(List.of(), hearing.thingsAsked("电脑现在是什么情况"));
    }

    @Test
    void asking_what_the_customer_remembers_is_told_apart_from_asking_what_they_know() {
        assertTrue(hearing.asksWhetherKnown("您还记得退款申请是上周几提的吗"));
        assertTrue(hearing.recalls("您还记得退款申请是上周几提的吗"));
        assertTrue(hearing.asksWhetherKnown("您知道我们短信订购的确认规则是怎么设计的吗"));
        assertFalse(hearing.recalls("您知道我们短信订购的确认规则是怎么设计的吗"));
    }

    @Test
    void a_private_contact_given_is_heard_but_one_asked_about_is_not() {
        assertTrue(hearing.givesContact("我的私人微信是xiaoli_88,您加我吧"));
        assertTrue(hearing.givesContact("您加我微信吧"));
        assertFalse(hearing.givesContact("您的微信号是多少"));
    }

    @Test
    void the_shipped_file_parses_and_a_broken_pattern_names_its_line() throws IOException {
        String text = shipped();
        String broken = text.replace("kinds:\n  when: \"", "kinds:\n  when: \"(");

        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class,
                () -> Hearing.parse(Hearing.RESOURCE, broken));

        assertEquals(ScenarioBookTest.lineOf(broken, "  when: \"("), e.line());
        assertTrue(e.getMessage().contains("写错了"), e.getMessage());
    }

    @Test
    void a_margin_out_of_bounds_is_refused_naming_the_bounds() throws IOException {
        String broken = shipped().replace("same_kind: -0.06", "same_kind: 0.5");

        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class,
                () -> Hearing.parse(Hearing.RESOURCE, broken));

        assertTrue(e.getMessage().contains("margins.same_kind 必须是 -0.3 到 0"), e.getMessage());
    }

    private static String shipped() throws IOException {
        try (InputStream in = HearingTest.class.getClassLoader().getResourceAsStream(Hearing.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
