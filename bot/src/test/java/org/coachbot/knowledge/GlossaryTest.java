package org.coachbot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlossaryTest {

    @Test
    void should_read_english_words_and_phrases_and_the_topics_not_covered() {
        // when
        Glossary g = Glossary.parse("glossary.yaml", """
                english:
                  Complain: [投诉, 抱怨]
                  hang up: 挂电话
                not_covered:
                  - 退款、退货的流程和规定
                """);

        // then
        assertEquals(List.of("投诉", "抱怨"), g.chinese("complain"));
        assertEquals(List.of("挂电话"), g.chinese("hang up"));
        assertEquals(2, g.longestPhrase());
        assertEquals(List.of("退款、退货的流程和规定"), g.notCovered());
    }

    @Test
    void should_treat_an_empty_file_as_an_empty_glossary() {
        assertEquals(Glossary.EMPTY, Glossary.parse("glossary.yaml", "# 只有注释\n"));
    }

    @Test
    void should_name_the_line_of_a_word_that_is_not_english_and_show_an_example() {
        // when
        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class, () -> Glossary.parse(
                "glossary.yaml", "english:\n  complain: [投诉]\n  投诉: [complain]\n"));

        // then
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("refund: [退款]"), e.getMessage());
    }

    @Test
    void should_refuse_a_word_without_chinese_terms_and_an_unknown_part() {
        KnowledgeFormatException empty = assertThrows(KnowledgeFormatException.class,
                () -> Glossary.parse("glossary.yaml", "english:\n  refund: []\n"));
        KnowledgeFormatException part = assertThrows(KnowledgeFormatException.class,
                () -> Glossary.parse("glossary.yaml", "english: {}\nsynonyms:\n  - 投诉\n"));

        assertEquals(2, empty.line());
        assertTrue(empty.getMessage().contains("缺少中文说法"), empty.getMessage());
        assertEquals(2, part.line());
        assertTrue(part.getMessage().contains("synonyms"), part.getMessage());
    }

    @Test
    void should_report_a_broken_glossary_and_still_load_the_knowledge(@TempDir Path dir) throws Exception {
        // given
        Files.writeString(dir.resolve("a.md"), "---\ntitle: T\ntags: [t]\nsource: s\n---\n# T\n\n## 节\n正文。\n");
        Files.writeString(dir.resolve(Glossary.FILE_NAME), "english: [不是映射\n");

        // when
        KnowledgeBase kb = new KnowledgeLoader().load(dir);

        // then
        assertEquals(1, kb.sections().size());
        assertEquals(Glossary.EMPTY, kb.glossary());
        assertEquals(Glossary.FILE_NAME, kb.problems().get(0).file());
    }
}
