package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.roleplay.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "don't know" and memory pools of a scenario file are checked like every other pool, with file and line. */
class CustomerPoolsTest {

    @Test
    void every_shipped_scenario_has_dont_know_lines_and_memory_lines_for_every_deed() {
        for (Scenario s : Fixtures.book().scenarios()) {
            assertTrue(s.lines().dontKnow().size() >= 5, s.id());
            for (Recall recall : Recall.values()) {
                assertTrue(s.lines().memory(recall).size() >= 5, s.id() + " " + recall.key());
            }
        }
    }

    @Test
    void a_scenario_without_dont_know_lines_is_refused() {
        String text = hotel().lines().filter(l -> !l.startsWith("dont_know:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        KnowledgeFormatException p = refused(text);

        assertTrue(p.getMessage().contains("缺少 dont_know"), p.getMessage());
    }

    @Test
    void a_memory_block_missing_a_deed_names_it() {
        String text = hotel().lines().filter(l -> !l.startsWith("  contact: ["))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        KnowledgeFormatException p = refused(text);

        assertTrue(p.getMessage().contains("memory 缺少 contact"), p.getMessage());
        assertEquals(ScenarioBookTest.lineOf(text, "memory:"), p.line());
    }

    @Test
    void an_answered_line_without_its_placeholder_is_refused_at_its_line() {
        String text = hotel().replace("answered: [\"我刚才说过了,{answer}\"", "answered: [\"我刚才说过了\"");

        KnowledgeFormatException p = refused(text);

        assertTrue(p.getMessage().contains("「我刚才说过了」里缺少 {answer}"), p.getMessage());
        assertEquals(ScenarioBookTest.lineOf(text, "  answered: ["), p.line());
    }

    @Test
    void a_refusal_line_with_a_placeholder_is_refused() {
        String text = hotel().replace("refusal: [\"你刚才说不行,那我今晚怎么洗澡?\"", "refusal: [\"你说{time}不行?\"");

        KnowledgeFormatException p = refused(text);

        assertTrue(p.getMessage().contains("不能带花括号"), p.getMessage());
    }

    @Test
    void a_dont_know_line_said_elsewhere_in_the_file_is_refused_as_a_repeat() {
        String text = hotel().replace("dont_know: [\"这我哪知道,你们系统里查不到吗?\"", "dont_know: [\"1208。\"");

        KnowledgeFormatException p = refused(text);

        assertTrue(p.getMessage().contains("台词「1208。」重复了"), p.getMessage());
    }

    private static KnowledgeFormatException refused(String text) {
        List<KnowledgeFormatException> problems = ScenarioBook.validate(Fixtures.HOTEL + ".yaml",
                text.getBytes(StandardCharsets.UTF_8), Fixtures.knowledge());
        assertEquals(1, problems.size(), problems.toString());
        KnowledgeFormatException p = problems.get(0);
        assertTrue(p.getMessage().startsWith(Fixtures.HOTEL + ".yaml:" + p.line() + ": "), p.getMessage());
        return p;
    }

    private static String hotel() {
        try {
            return Files.readString(Fixtures.knowledgeDir().resolve("scenarios/" + Fixtures.HOTEL + ".yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
