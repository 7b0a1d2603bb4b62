package org.coachbot.safety;

import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.retrieval.RetrievalIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The danger recogniser with the in-process embedding model and the shipped signals and knowledge, on the questions
 * the safety issue quoted and on ordinary calls in alarming words. The figures on whole sets come from
 * {@code coach-bench.jar safety}.
 */
class DangerDetectorTest {
    private static final QueryNormalizer NORMALIZER = new QueryNormalizer();
    private static DangerDetector detector;

    @BeforeAll
    static void train() {
        var model = RetrievalIndex.defaultEmbeddingModel();
        var kb = new KnowledgeLoader().load(Path.of("../knowledge"));
        detector = new DangerEmbeddings(model, EmbeddingCache.open(Path.of("target", "safety-test-embeddings"),
                RetrievalIndex.modelKey(model) + "-safety")).detector(DangerSignals.load(), DangerSignals.ordinary(kb));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "客户说他不想活了 | self_harm",
            "客户威胁说明天要来营业厅砍我同事 | violence",
            "客户现在正被一个自称警察的人指挥着往安全账户转钱 | fraud",
            "客户说他爸突然晕倒了叫不醒 | medical",
            "客户小声说她老公正在打她 | danger_person",
            "客户说家里煤气味很重 | hazard"})
    void should_recognise_each_kind_of_danger_the_safety_issue_names(String question, String kind) {
        assertEquals(Optional.of(Danger.of(kind)), detector.detect(NORMALIZER.question(question)), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"气死我了,你们怎么搞的", "要命了这网速", "客户说我死也不会再用你们的东西",
            "客户说再不退款就报警", "客户说要打12315投诉", "客户说要找媒体曝光你们", "客户上个月被骗了,现在来要求赔偿",
            "客户要我们开个派出所证明", "包裹丢了,客户在电话里哭"})
    void should_leave_ordinary_calls_in_alarming_words_ordinary(String question) {
        assertEquals(Optional.empty(), detector.detect(NORMALIZER.question(question)), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"客户说加班加到想死", "儿童感冒药苦得要命", "再收不到货他就要炸了", "等得我快疯了",
            "这口锅是厨房杀手", "空调外机轰轰响跟要爆炸一样", "上周热水器漏电,已经修好了", "酒店火警误报,全家被吵醒"})
    void should_take_a_degree_complement_after_any_word_for_exaggeration(String question) {
        assertTrue(DangerSignals.load().hyperbole().matcher(question).find(), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"她老公把她打得快死了", "客户说胸口疼得要命", "老人摔得晕过去了", "孩子咳得吐血",
            "头疼得像要炸开一样", "药都准备好了"})
    void should_not_take_harm_or_pain_for_exaggeration(String question) {
        assertFalse(DangerSignals.load().hyperbole().matcher(question).find(), question);
    }
}
