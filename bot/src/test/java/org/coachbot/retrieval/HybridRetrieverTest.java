package org.coachbot.retrieval;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridRetrieverTest {
    private final CountingEmbeddingModel model = new CountingEmbeddingModel(new HashingEmbeddingModel());
    private HybridRetriever hybrid;

    @BeforeEach
    void buildIndex() {
        hybrid = HashingEmbeddingModel.index(model, EmbeddingCache.inMemory())
                .build(TestKnowledge.base(), IndexProgress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"股票明天会涨吗", "帮我写个Python脚本", "推荐一部好看的电影"})
    void should_return_nothing_for_a_clear_off_topic_question(String question) {
        assertEquals(List.of(), hybrid.search(question, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"客户一直不说话怎么办", "客戶一直不說話怎麼辦", "客户一直不说化怎么办"})
    void should_answer_a_silent_customer_question_however_it_is_typed(String question) {
        List<Hit> hits = hybrid.search(question, 3);

        assertFalse(hits.isEmpty());
        assertTrue(hits.get(0).section().id().startsWith("silent-customer#"), hits.toString());
    }

    @Test
    void should_return_hits_best_first_and_no_more_than_asked() {
        List<Hit> hits = hybrid.search("电话响几声要接", 1);

        assertEquals(1, hits.size());
        assertEquals("phone-etiquette#响铃三声内接听", hits.get(0).section().id());
    }

    @Test
    void should_leave_out_sections_scoring_far_below_the_best_one() {
        List<Hit> hits = hybrid.search("电话响几声要接", 5);

        assertTrue(hits.size() < hybrid.size(), hits.toString());
        assertTrue(hits.stream().allMatch(h -> h.section().id().startsWith("phone-etiquette#")), hits.toString());
    }

    @Test
    void should_return_every_section_of_an_on_topic_question_when_no_share_of_the_best_is_required() {
        HybridRetriever all = hybrid.withSettings(hybrid.settings().withMinShareOfBest(0));

        assertEquals(hybrid.size(), all.search("电话响几声要接", 10).size());
    }

    @Test
    void should_answer_a_repeated_question_from_the_cache_without_embedding_it_again() {
        // given
        List<Hit> first = hybrid.search("客户生气骂人", 3);
        int calls = model.calls();

        // when: the same question, typed differently but identical once normalised
        List<Hit> again = hybrid.search("客戶生氣罵人!", 3);

        // then
        assertEquals(first, again);
        assertEquals(calls, model.calls());
    }


    @Test
    void should_reject_a_non_positive_max_results() {
        assertThrows(IllegalArgumentException.class, () -> hybrid.search("接电话", 0));
    }

    @Test
    void should_decline_a_question_closer_to_a_topic_the_glossary_lists_as_not_covered() {
        // given
        var kb = new org.coachbot.knowledge.KnowledgeBase(TestKnowledge.base().sections(), List.of(),
                new org.coachbot.knowledge.Glossary(java.util.Map.of(), List.of("退款退货的流程和规定")));
        HybridRetriever withGaps = HashingEmbeddingModel.index(model, EmbeddingCache.inMemory())
                .build(kb, IndexProgress.NONE);

        // when
        Retrieval refund = withGaps.retrieve("客户要退款退货,流程和规定是什么", 3);
        Retrieval silent = withGaps.retrieve("客户一直不说话怎么办", 3);

        // then
        assertEquals(Coverage.UNCOVERED, refund.coverage());
        assertEquals("退款退货的流程和规定", refund.gap());
        assertFalse(refund.hits().isEmpty(), "the nearest sections are offered");
        assertEquals(List.of(), withGaps.search("客户要退款退货,流程和规定是什么", 3));
        assertEquals(Coverage.COVERED, silent.coverage());
    }
}
