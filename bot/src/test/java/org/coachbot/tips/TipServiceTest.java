package org.coachbot.tips;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.coachbot.chat.Reply;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeState;
import org.coachbot.knowledge.Section;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TipServiceTest {
    private static final Section LURE = section("silent-customer.md", "沉默型客户", "诱导法",
            "先用开放式问题引导客户开口,再顺着客户的话追问。例如:“您最担心的是哪一点呢?”不要连续追问封闭式问题。");
    private static final Section SILENCE = section("silent-customer.md", "沉默型客户", "沉默对沉默",
            "客户沉默时,你也可以稍作停顿,给客户思考的时间。");
    private static final Section INTENT = section("silent-customer.md", "沉默型客户", "捕捉真实意图",
            "留意客户的只言片语,从中判断真实需求。");
    private static final Section GUIDE = section("silent-customer.md", "沉默型客户", "循循善诱",
            "耐心地一步步引导。");
    private static final KnowledgeBase KB = new KnowledgeBase(List.of(LURE, SILENCE, INTENT, GUIDE), List.of());

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private FakeOpenAiServer server;

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private static Section section(String file, String topic, String title, String body) {
        return new Section(Section.idOf(file, title), file, topic, title, body, List.of("沉默"), "000.txt", 5);
    }

    private static Retriever returning(Section... sections) {
        return (query, max) -> java.util.Arrays.stream(sections).limit(max).map(s -> new Hit(s, 1.0)).toList();
    }

    private static KnowledgeState state(Retriever retriever) {
        return new KnowledgeState(KB, retriever, ScenarioBook.empty(), 1, Instant.EPOCH);
    }

    private TipService extractive(Retriever retriever) {
        return new TipService(() -> state(retriever), Optional.empty(), Duration.ofSeconds(1), 900);
    }

    private TipService withLlm(Duration timeout) throws Exception {
        server = new FakeOpenAiServer();
        var model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
                .timeout(Duration.ofSeconds(5)).maxRetries(0).build();
        return new TipService(() -> state(returning(LURE, SILENCE)), Optional.of(new TimedChat(model, executor)),
                timeout, 900);
    }

    @Test
    void should_answer_with_the_best_sections_and_their_sources() {
        Reply reply = extractive(returning(LURE, SILENCE)).answer("客户一直不说话怎么办");

        assertTrue(reply.html().startsWith("<b>诱导法</b>"), reply.html());
        assertTrue(reply.html().contains("来源:沉默型客户 › 诱导法"));
        assertTrue(reply.html().contains("沉默对沉默"));
        assertTrue(reply.buttons().isEmpty());
    }

    @Test
    void should_offer_a_fourth_relevant_section_behind_a_button() {
        TipService tips = extractive(returning(LURE, SILENCE, INTENT, GUIDE));

        Reply reply = tips.answer("客户不说话");

        assertEquals(1, reply.buttons().size());
        String data = reply.buttons().get(0).get(0).data();
        assertTrue(tips.more(data).html().contains("循循善诱"));
    }

    @Test
    void should_decline_a_question_outside_the_material_with_suggestions() {
        Reply reply = extractive((q, max) -> List.of()).answer("今天天气怎么样");

        assertTrue(reply.html().contains("不在我们的客服培训资料范围内"), reply.html());
        assertTrue(reply.html().contains("客户一直不说话怎么办"));
    }

    @Test
    void should_keep_tips_short_enough_to_read_mid_call() {
        Section longOne = section("a.md", "长", "很长的一节", "先倾听客户。".repeat(200));

        Reply reply = extractive(returning(longOne, LURE, SILENCE)).answer("倾听");

        assertTrue(org.coachbot.chat.Html.toPlain(reply.html()).length() <= 900,
                "length " + reply.html().length());
    }

    @Test
    void should_escape_markup_from_the_knowledge() {
        Section markup = section("a.md", "T", "用<b>标签</b>", "A & B <script>");

        Reply reply = extractive(returning(markup)).answer("标签");

        assertTrue(reply.html().contains("A &amp; B &lt;script&gt;"), reply.html());
    }

    @Test
    void should_put_the_paragraph_closest_to_the_question_first_when_the_section_must_be_cut() {
        String body = TipComposer.keySentencesFirst("客户不说话怎么引导",
                "第一段与问题无关。\n\n不说话时用开放式问题引导:“您最担心什么?”再耐心等待。", 35);

        assertTrue(body.startsWith("不说话时"), body);
        assertTrue(body.contains("“您最担心什么?”再"), "a closing quote stays with its sentence: " + body);
        assertFalse(body.contains("第一段"), body);
    }

    @Test
    void should_keep_a_section_that_fits_whole_and_in_its_own_order() {
        String body = TipComposer.keySentencesFirst("客户不说话怎么引导",
                "对沉默型客户,可以采用诱导法。\n\n例如先问:“您最担心什么?”再耐心等待。", 200);

        assertEquals("对沉默型客户,可以采用诱导法。\n例如先问:“您最担心什么?”再耐心等待。", body);
    }

    @Test
    void should_let_the_llm_write_the_tip_from_the_retrieved_sections() throws Exception {
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.replyWith("先用开放式问题引导客户开口【诱导法】");

        Reply reply = tips.answer("客户一直不说话怎么办");

        assertTrue(reply.html().startsWith("先用开放式问题引导客户开口【诱导法】"), reply.html());
        assertTrue(reply.html().contains("来源:沉默型客户 › 诱导法"));
        String prompt = server.lastPrompt();
        assertTrue(prompt.contains(LURE.body()), prompt);
        assertTrue(prompt.contains("【沉默对沉默】"), prompt);
        assertTrue(prompt.contains("客户一直不说话怎么办"), prompt);
    }

    @Test
    void should_send_the_extractive_tip_when_the_llm_fails() throws Exception {
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.failWith(500);

        Reply reply = tips.answer("客户一直不说话怎么办");

        assertTrue(reply.html().startsWith("<b>诱导法</b>"), reply.html());
        assertFalse(server.requests().isEmpty());
    }

    @Test
    void should_send_the_extractive_tip_when_the_llm_hangs() throws Exception {
        TipService tips = withLlm(Duration.ofMillis(300));
        server.hang();

        Reply reply = tips.answer("客户一直不说话怎么办");

        assertTrue(reply.html().startsWith("<b>诱导法</b>"), reply.html());
    }

    @Test
    void should_say_the_knowledge_base_is_empty_instead_of_failing() {
        TipService tips = new TipService(() -> new KnowledgeState(new KnowledgeBase(List.of(), List.of()),
                (q, n) -> {
                    throw new IllegalStateException("an empty index cannot be searched");
                }, ScenarioBook.empty(), 1, Instant.EPOCH), Optional.empty(), Duration.ofSeconds(1), 900);

        Reply reply = tips.answer("客户一直不说话怎么办");

        assertEquals("知识库是空的,请管理员上传知识文件(.md)后再提问。", reply.html());
    }
}
