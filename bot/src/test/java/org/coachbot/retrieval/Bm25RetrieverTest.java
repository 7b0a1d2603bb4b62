package org.coachbot.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bm25RetrieverTest {

    @ParameterizedTest
    @EnumSource(CjkAnalysis.class)
    void should_rank_the_obvious_section_first_with_every_analysis(CjkAnalysis analysis) {
        // given
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections(),
                new Bm25Settings(analysis, Bm25Settings.DEFAULT_TITLE_BOOST, Bm25Settings.DEFAULT_TAGS_BOOST,
                        Bm25Settings.DEFAULT_BODY_BOOST, Bm25Settings.DEFAULT_MIN_SCORE), new QueryNormalizer());

        // when
        List<Hit> hits = bm25.search("电话响几声要接", 3);

        // then
        assertFalse(hits.isEmpty());
        assertEquals("phone-etiquette#响铃三声内接听", hits.get(0).section().id());
    }

    @Test
    void should_find_a_section_by_its_tags_when_the_body_uses_other_words() {
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections());

        List<Hit> hits = bm25.search("客户不吭声", 3);

        assertTrue(hits.get(0).section().id().startsWith("silent-customer#"), hits.toString());
    }

    @Test
    void should_find_the_same_section_for_a_traditional_question() {
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections());

        assertEquals(bm25.search("客户生气骂人怎么办", 1), bm25.search("客戶生氣罵人怎麼辦", 1));
    }

    @Test
    void should_return_nothing_when_no_word_of_the_question_is_in_the_knowledge() {
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections());

        assertEquals(List.of(), bm25.search("今天天气好吗", 3));
    }

    @Test
    void should_score_between_zero_and_one_and_best_first() {
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections());

        List<Hit> hits = bm25.rank("客户沉默不说话", 5);

        assertTrue(hits.stream().allMatch(h -> h.score() > 0 && h.score() <= 1), hits.toString());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
        }
    }

    @Test
    void should_reject_a_non_positive_max_results() {
        Bm25Retriever bm25 = new Bm25Retriever(TestKnowledge.base().sections());

        assertThrows(IllegalArgumentException.class, () -> bm25.search("接电话", 0));
    }
}
