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
}
