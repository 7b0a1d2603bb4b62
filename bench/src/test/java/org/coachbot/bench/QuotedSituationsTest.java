package org.coachbot.bench;

import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.User;
import org.coachbot.insights.AnswerKind;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.HybridRetriever;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.tips.TipService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The questions the tips issue quoted, answered through the real tip service with the shipped knowledge: each
 * first message must hold what the question asks for.
 */
class QuotedSituationsTest {
    private static final User AGENT = new User(1, "agent", false);
    private static TipService tips;
    private static InMemoryQuestionLog log;

    @BeforeAll
    static void build() {
        KnowledgeBase kb = new KnowledgeLoader().load(Path.of(System.getProperty("coachbot.knowledge",
                "../knowledge")));
        HybridRetriever hybrid = new RetrievalIndex(RetrievalIndex.defaultEmbeddingModel(),
                Path.of("target", "quality-test-embeddings")).build(kb, IndexProgress.NONE);
        log = new InMemoryQuestionLog();
        tips = AnswerBenchmark.tips(kb, hybrid, log, SafetyBenchmark.detector(Path.of("target", "quality-test-embeddings"), kb));
    }

    private static String ask(String question) {
        String text = Html.toPlain(tips.answer(Incoming.text(AGENT, 1, question), question).html());
        assertTrue(text.length() <= 300, text.length() + ": " + text);
        return text;
    }

    @Test
    void should_list_the_five_dimensions_of_service_quality() {
        String text = ask("衡量服务质量的五个维度是哪些");
        for (String d : new String[]{"可靠度", "有形度", "响应度", "同理度", "专业度"}) {
            assertTrue(text.contains(d), d + " missing: " + text);
        }
    }

    @Test
    void should_give_every_letter_of_service() {
        String text = ask("SERVICE这个单词的每个字母代表什么");
        for (String letter : new String[]{"S:", "E:", "R:", "V:", "I:", "C:"}) {
            assertTrue(text.contains(letter), letter + " missing: " + text);
        }
        assertTrue(text.contains("微笑") && text.contains("眼神"), text);
    }

    @Test
    void should_list_what_after_sales_service_includes() {
        String text = ask("售后服务通常包括哪些内容");
        assertTrue(text.contains("送货上门") && text.contains("维修") && text.contains("回访"), text);
    }

    @Test
    void should_name_the_elements_that_make_up_a_service() {
        String text = ask("服务是由哪些要素构成的");
        assertTrue(text.contains("主体") && text.contains("客体") && text.contains("媒介"), text);
    }

    @Test
    void should_meet_an_accusation_of_fraud_with_calm_facts_and_an_offer_to_check() {
        String text = ask("客户说你们就是骗子");
        assertTrue(text.contains("核查") || text.contains("查清"), text);
        assertFalse(text.contains("慢慢考虑"), text);
    }

    @Test
    void should_take_ownership_of_a_colleagues_promise_that_is_not_on_record() {
        String text = ask("前任客服答应了,系统里没有记录");
        assertTrue(text.contains("核实"), text);
        assertFalse(text.contains("明天下午给您回复"), text);
    }

    @Test
    void should_say_to_find_out_and_by_when_when_the_agent_does_not_know() {
        String text = ask("不知道答案怎么办");
        assertTrue(text.contains("确认"), text);
        assertFalse(text.contains("看看我们能为您做些什么"), text);
    }

    @Test
    void should_ask_a_crying_customer_what_happened_before_assuming_a_death() {
        String text = ask("客户哭了");
        assertFalse(text.contains("节哀"), text);
        assertTrue(text.contains("发生了什么"), text);
    }

    @Test
    void should_answer_threats_of_12315_and_the_media_as_a_customers_right_not_with_a_generic_line() {
        String regulator = ask("客户说要投诉到12315");
        String media = ask("客户要找媒体曝光");
        assertTrue(regulator.contains("权利"), regulator);
        assertTrue(media.contains("权利") || media.contains("媒体"), media);
    }

    @Test
    void should_answer_a_refund_the_agent_cannot_authorise_with_authority_and_escalation() {
        String text = ask("客户要求马上退款但我做不了主");
        assertEquals(AnswerKind.TIP, log.last().answer(), text);
        assertTrue(text.contains("主管") || text.contains("权限"), text);
    }

    @Test
    void should_open_the_answer_to_a_can_i_question_with_yes_or_no() {
        String text = ask("客户骂人我能直接挂电话吗");
        String body = text.split("\n")[1];
        assertTrue(body.startsWith("可以") || body.startsWith("不"), text);
    }

    @Test
    void should_draw_on_the_next_section_when_two_sections_answer_together() {
        // 诱导法 and 沉默对沉默 are two sections about the silent customer; the glance gives both, each with its source.
        String text = ask("客户一直不说话怎么办");
        assertTrue(text.contains("诱导法") && text.contains("沉默对沉默"), text);
        assertTrue(text.contains("来源:沉默型客户的应对 › 诱导法") && text.contains("来源:沉默型客户的应对 › 沉默对沉默"),
                text);
    }

    @Test
    void should_decline_a_question_for_a_number_the_material_does_not_give() {
        // The nearest section gives 7秒, not minutes: a neighbouring number is no answer to "几分钟".
        String text = ask("平均通话时长AHT要控制在几分钟");
        assertEquals(AnswerKind.UNCOVERED, log.last().answer(), text);
        assertTrue(text.contains("没有给出这个时间或数字"), text);
    }

    @Test
    void should_answer_a_question_for_a_number_the_material_gives() {
        assertTrue(ask("查资料让客户在线上等,最多等多久").contains("7秒"));
        assertTrue(ask("电话响几声之内要接起来").contains("三声"));
        assertEquals(AnswerKind.TIP, log.last().answer());
        // "等了几天了" describes the situation; it asks for no number.
        ask("客户等了几天了还没收到货 怎么安抚");
        assertEquals(AnswerKind.TIP, log.last().answer());
    }
}
