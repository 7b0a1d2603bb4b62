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
    private static QueryNormalizer withGlossary;

    @BeforeAll
    static void train() {
        var model = RetrievalIndex.defaultEmbeddingModel();
        var kb = new KnowledgeLoader().load(Path.of("../knowledge"));
        withGlossary = new QueryNormalizer(kb.glossary());
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

    @ParameterizedTest
    @ValueSource(strings = {"客户说前年被前夫家暴过 现在想换号", "半年前被冒充公安的骗了", "她说已经离婚了 想拆分账户",
            "火现在灭了 问宽带", "客户收到中奖短信 他没点", "燃气灶打不着 也没有燃气味", "客户说他媳妇快疯了",
            "要是再扣费 她妈会打死她的", "游戏里被人砍了要补偿", "买的炸弹人皮肤不能用", "毛血旺里有头发",
            "新闻里说附近有人跳楼", "真想掐死那个师傅", "他要用差评弄死你们", "气话 其实就是要退款", "床单像凶案现场"})
    void should_take_a_danger_that_is_over_avoided_a_name_or_about_someone_elses_mood_for_exaggeration(
            String question) {
        assertTrue(DangerSignals.load().hyperbole().matcher(question).find(), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"客户说插座在冒火花", "门窗关得死死的 屋里烧着炭", "对方让他转账 他还没转",
            "他说要炸了门店 听着不像开玩笑", "她老公在外面砸门说要打死她"})
    void should_not_take_a_danger_said_plainly_for_exaggeration(String question) {
        assertFalse(DangerSignals.load().hyperbole().matcher(question).find(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"燃气灶打不着火 | false", "热水器点不着火 | false", "厨房着火了 | true"})
    void should_not_take_a_stove_that_will_not_light_for_a_fire(String question, boolean fire) {
        assertEquals(fire, DangerSignals.load().kinds().get(Danger.HAZARD).words().matcher(question).find(), question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "customer says he took all his pills and wants to die | self_harm",
            "caller says there is smoke and sparks from the socket | hazard",
            "caller says his wife collapsed and is not breathing | medical",
            "caller says her husband is beating her right now | danger_person"})
    void should_recognise_a_danger_told_in_english_through_the_glossary(String question, String kind) {
        assertEquals(Optional.of(Danger.of(kind)), detector.detect(withGlossary.question(question)), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"客户说新闻里说附近有人跳楼 他想退租", "客户说他媳妇要炸了 因为房间订错了"})
    void should_not_find_a_danger_plausible_in_exaggeration(String question) {
        String q = NORMALIZER.question(question);
        assertTrue(detector.judge(q).orElseThrow().exaggerated(), question);
        assertEquals(Optional.empty(), detector.plausible(q), question);
    }
}
