package org.coachbot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorialMarkTest {
    private static final String HEAD = "---\ntitle: 沉默型客户\ntags: [沉默]\nsource: 002.txt\n---\n# 沉默型客户\n\n";
    private final MarkdownKnowledgeParser parser = new MarkdownKnowledgeParser();

    @Test
    void should_mark_the_paragraphs_the_editors_wrote() {
        // when
        Section s = parser.parse("silent.md", HEAD + """
                ## 诱导法
                对沉默型客户,可以采用诱导法。

                【编者补充】先问容易回答的问题:"您是想咨询产品吗?"
                """).get(0);

        // then
        assertEquals(List.of(new Paragraph("对沉默型客户,可以采用诱导法。", false),
                new Paragraph("先问容易回答的问题:\"您是想咨询产品吗?\"", true)), s.paragraphs());
        assertTrue(s.hasEditorial());
        assertFalse(s.editorial());
    }

    @Test
    void should_call_a_section_the_editors_wrote_throughout_editorial() {
        Section s = parser.parse("silent.md", HEAD + "## 加微信\n【编者补充】按公司规定办。\n\n【编者补充】用公司渠道。\n")
                .get(0);

        assertTrue(s.editorial());
    }

    @Test
    void should_refuse_the_mark_inside_a_paragraph_naming_its_line() {
        // when
        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class, () -> parser.parse("silent.md",
                HEAD + "## 诱导法\n对沉默型客户,可以采用诱导法。\n【编者补充】先问容易回答的问题。\n"));

        // then
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("段落开头"), e.getMessage());
    }

    @Test
    void should_read_the_principles_a_section_names_apart_from_its_paragraphs() {
        // when
        Section s = parser.parse("silent.md", HEAD + """
                ## 客户骂我们是骗子
                相关原则:处变不惊;忍耐与宽容;先聆听客户倾诉,再抚慰情绪。

                从来没有人在和客户的争辩中取胜。
                """).get(0);

        // then
        assertEquals(List.of("处变不惊", "忍耐与宽容", "先聆听客户倾诉,再抚慰情绪"), s.principles());
        assertEquals(List.of(new Paragraph("从来没有人在和客户的争辩中取胜。", false)), s.paragraphs());
        assertTrue(s.body().contains("相关原则:处变不惊"), "展开 still shows them");
        assertEquals("从来没有人在和客户的争辩中取胜。", s.prose(), "retrieval does not read them");
    }

    @Test
    void should_name_no_principles_for_a_section_without_the_paragraph() {
        Section s = parser.parse("silent.md", HEAD + "## 诱导法\n对沉默型客户,可以采用诱导法,这是相关原则:之一。\n").get(0);

        assertEquals(List.of(), s.principles());
        assertEquals(1, s.paragraphs().size());
    }
}
