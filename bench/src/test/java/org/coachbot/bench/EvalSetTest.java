package org.coachbot.bench;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalSetTest {

    @Test
    void should_read_questions_with_one_or_more_expected_ids_and_off_topic_ones() {
        String tsv = """
                question\texpected
                客户一直不说话怎么办\tsilent-customer#诱导法|silent-customer#沉默对沉默

                # comment
                今天天气怎么样\t-
                客户要退款怎么走流程\t?
                """;

        List<EvalQuestion> questions = EvalSet.parse("questions-a.tsv", tsv);

        assertEquals(3, questions.size());
        assertEquals(Set.of("silent-customer#诱导法", "silent-customer#沉默对沉默"), questions.get(0).expectedIds());
        assertEquals("questions-a.tsv:2", questions.get(0).source());
        assertTrue(questions.get(1).offTopic());
        assertTrue(questions.get(2).offTopic() && questions.get(2).uncovered());
        assertEquals("questions-a.tsv", questions.get(2).set());
    }

    @Test
    void should_name_file_and_line_of_a_line_without_ids() {
        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class,
                () -> EvalSet.parse("questions-b.tsv", "question\texpected\n客户不说话\n"));

        assertEquals("questions-b.tsv", e.file());
        assertEquals(2, e.line());
    }
}
