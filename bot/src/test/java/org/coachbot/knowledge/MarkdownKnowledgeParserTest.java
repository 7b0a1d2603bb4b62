package org.coachbot.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownKnowledgeParserTest {
    private final MarkdownKnowledgeParser parser = new MarkdownKnowledgeParser();

    @Test
    void should_read_a_plain_markdown_file_with_a_title_and_sections() {
        List<Section> sections = parser.parse("refund.md", """
                # 退款答疑

                一些介绍文字。

                ## 退款多久到账
                一般 3 个工作日。

                ## 退款被拒怎么办
                <!-- tags: 拒绝, 驳回 -->
                先查明原因。
                """);

        assertEquals(2, sections.size());
        assertEquals("refund#退款多久到账", sections.get(0).id());
        assertEquals("退款答疑", sections.get(0).topic());
        assertEquals("", sections.get(0).source());
        assertEquals(List.of("拒绝", "驳回"), sections.get(1).tags());
        assertEquals("先查明原因。", sections.get(1).body());
    }

    @Test
    void should_take_the_topic_from_the_file_name_when_there_is_no_title() {
        List<Section> sections = parser.parse("late-delivery.md", "## 快递晚到\n先道歉,再查物流。\n");

        assertEquals("late-delivery", sections.get(0).topic());
        assertEquals(1, sections.get(0).line());
    }

    @Test
    void should_make_one_section_of_a_note_with_a_title_and_text_but_no_sections() {
        List<Section> sections = parser.parse("wechat.md", "# 客户要加我微信\n\n说明公司规定,只用官方渠道联系。\n");

        assertEquals(1, sections.size());
        assertEquals("wechat#客户要加我微信", sections.get(0).id());
        assertEquals("说明公司规定,只用官方渠道联系。", sections.get(0).body());
    }

    @Test
    void should_use_front_matter_fields_when_given_and_none_is_required() {
        List<Section> sections = parser.parse("a.md", "---\ntags: 投诉, 升级\n---\n## 找主管\n先安抚。\n");

        assertEquals(List.of("投诉", "升级"), sections.get(0).tags());
        assertEquals("a", sections.get(0).topic());

        Section titled = parser.parse("b.md", "---\ntitle: 升级处理\nsource: [003.txt, 004.txt]\n---\n# 别的标题\n"
                + "## 找主管\n先安抚。\n").get(0);
        assertEquals("升级处理", titled.topic());
        assertEquals("003.txt, 004.txt", titled.source());
    }

    @Test
    void should_name_file_and_line_for_what_the_format_still_requires() {
        KnowledgeFormatException unclosed = assertThrows(KnowledgeFormatException.class,
                () -> parser.parse("a.md", "---\ntitle: x\n## y\nz\n"));
        assertEquals("a.md:1: 头信息(front matter)以 --- 开始,但没有以单独一行 --- 结束;不需要头信息的话,删掉第一行的 --- 即可",
                unclosed.getMessage());

        assertTrue(assertThrows(KnowledgeFormatException.class, () -> parser.parse("a.md", "# 只有标题\n"))
                .getMessage().startsWith("a.md:1: 文件里没有正文"));
        assertTrue(assertThrows(KnowledgeFormatException.class, () -> parser.parse("a.md", "## x\n\n## y\nz\n"))
                .getMessage().startsWith("a.md:1: 小节「x」没有正文"));
        assertTrue(assertThrows(KnowledgeFormatException.class, () -> parser.parse("a.md", "## x\na\n## x\nb\n"))
                .getMessage().startsWith("a.md:3: 小节标题重复:x"));
        assertTrue(assertThrows(KnowledgeFormatException.class, () -> parser.parse("a.md", "# a\n# b\n## x\ny\n"))
                .getMessage().startsWith("a.md:2: 只能有一个一级标题"));
    }

    @Test
    void should_stop_at_the_first_section_over_the_limit_and_name_the_setting() {
        MarkdownKnowledgeParser small = new MarkdownKnowledgeParser(3);
        String text = "## a\n1\n## b\n2\n## c\n3\n## d\n4\n## e\n5\n";

        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class, () -> small.parse("x.md", text));

        assertEquals("x.md:7: 文件超过 3 个小节(上限由 knowledge.max_sections_per_file 设定),请拆分成几个文件",
                e.getMessage());
    }

    @Test
    void should_load_files_until_the_knowledge_base_limit_and_report_the_rest() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kb");
        java.nio.file.Files.writeString(dir.resolve("a.md"), "## a1\nx\n## a2\ny\n");
        java.nio.file.Files.writeString(dir.resolve("b.md"), "## b1\nx\n");
        KnowledgeLoader loader = new KnowledgeLoader(new KnowledgeLimits(2, 2));

        KnowledgeBase kb = loader.load(dir, file -> "trainer 上传于 2026-05-12");

        assertEquals(2, kb.sections().size());
        assertEquals("trainer 上传于 2026-05-12", kb.sections().get(0).source());
        assertEquals("b.md:0: 知识库最多 2 个小节(上限由 knowledge.max_sections 设定):已有 2 个,这个文件的 1 个小节放不下,没有加载",
                kb.problems().get(0).getMessage());
    }
}
