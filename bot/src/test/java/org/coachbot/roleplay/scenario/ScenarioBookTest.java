package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.roleplay.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioBookTest {
    private final KnowledgeBase knowledge = Fixtures.knowledge();

    @Test
    void loads_the_fixture_folder_without_problems() {
        // when
        ScenarioBook book = ScenarioBook.load(Fixtures.knowledgeDir(), knowledge);

        // then
        assertEquals(List.of(), book.problems());
        assertTrue(book.scenarios().size() >= 14, book.scenarios().toString());
        assertTrue(book.playable());
        Scenario hotel = book.scenario(Fixtures.HOTEL).orElseThrow();
        assertEquals(4, hotel.startingMood());
        assertEquals(-2, hotel.calms().get(MoveKind.SOLUTION));
        assertEquals(List.of("hot_water", "time"), hotel.remedy().stream().map(RemedyBeat::id).toList());
        assertTrue(hotel.facts().stream().anyMatch(f -> f.fact().contains("1208")));
        assertTrue(book.scenario(Fixtures.SILENT).orElseThrow().silent());
    }

    @Test
    void broken_scenario_is_reported_with_file_and_line_and_the_others_still_load(@TempDir Path dir)
            throws IOException {
        // given
        copyFixture(dir);
        String broken = Files.readString(dir.resolve("scenarios/silent-customer.yaml"))
                .replace("difficulty: 3", "difficulty: 7");
        Files.writeString(dir.resolve("scenarios/silent-customer.yaml"), broken);

        // when
        ScenarioBook book = ScenarioBook.load(dir, knowledge);

        // then
        assertEquals(1, book.problems().size());
        KnowledgeFormatException problem = book.problems().get(0);
        assertEquals("scenarios/silent-customer.yaml", problem.file());
        assertEquals(lineOf(broken, "difficulty: 7"), problem.line());
        assertTrue(problem.getMessage().contains("difficulty 必须在 1 到 3 之间"), problem.getMessage());
        assertEquals(Fixtures.book().scenarios().size() - 1, book.scenarios().size());
        assertTrue(book.scenario(Fixtures.SILENT).isEmpty());
    }

    @Test
    void missing_rubric_makes_role_play_unavailable_and_says_so(@TempDir Path dir) throws IOException {
        // given
        copyFixture(dir);
        Files.delete(dir.resolve("rubric.yaml"));

        // when
        ScenarioBook book = ScenarioBook.load(dir, knowledge);

        // then
        assertFalse(book.playable());
        assertTrue(book.problems().get(0).getMessage().startsWith("rubric.yaml:0: 缺少评分规则文件"));
    }

    @Test
    void unknown_move_kind_names_the_line_and_the_allowed_kinds() {
        assertProblem(Fixtures.HOTEL + ".yaml", hotel().replace("  apology: -1", "  sorry: -1"),
                "  sorry: -1", "不认识的动作类型 sorry");
    }

    @Test
    void calming_value_with_the_wrong_sign_is_refused() {
        assertProblem(Fixtures.HOTEL + ".yaml", hotel().replace("  solution: -2", "  solution: 2"),
                "  solution: 2", "calms.solution 必须在 -5 到 0 之间");
    }

    @Test
    void misspelt_field_is_refused_instead_of_ignored() {
        assertProblem(Fixtures.HOTEL + ".yaml", hotel().replace("reactions:", "reaction:"),
                "reaction:", "不认识的字段 reaction");
    }

    @Test
    void reaction_with_fewer_than_five_lines_is_refused() {
        String text = hotel().lines().map(l -> l.startsWith("  apology: [\"光道歉")
                ? "  apology: [\"光道歉有什么用?\"]" : l).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertProblem(Fixtures.HOTEL + ".yaml", text, "  apology: [\"光道歉有什么用?\"]", "至少需要 5 项");
    }

    @Test
    void id_that_differs_from_the_file_name_is_refused() {
        assertProblem("hotel.yaml", hotel(), "id: hotel-no-hot-water", "必须和文件名一致");
    }

    @Test
    void yaml_syntax_error_is_reported_with_its_line() {
        String text = hotel().replace("goal: 客人要的是", "goal: [客人要的是");
        List<KnowledgeFormatException> problems = validate(Fixtures.HOTEL + ".yaml", text);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("不是合法的 YAML"), problems.get(0).getMessage());
        assertTrue(problems.get(0).line() >= lineOf(text, "goal: ["), problems.get(0).getMessage());
    }

    @Test
    void duplicate_key_is_refused() {
        String text = hotel() + "\ndifficulty: 1\n";
        List<KnowledgeFormatException> problems = validate(Fixtures.HOTEL + ".yaml", text);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("difficulty"), problems.get(0).getMessage());
    }

    @Test
    void invalid_regular_expression_in_the_rubric_names_the_pattern() {
        assertProblem("rubric.yaml", rubric().replace("\"随便你\"", "\"随便(你\""), "随便(你", "正则表达式 随便(你 写错了");
    }

    @Test
    void bad_move_without_better_phrasing_is_refused() {
        assertProblem("rubric.yaml", rubric().replace("    better: 可能是我没有解释清楚,我们一起核对一下。\n", ""),
                "  - id: accusing", "accusing 缺少 better");
    }

    @Test
    void detector_polarity_must_match_its_move_kind() {
        String text = rubric().replace("move: dismissive\n    polarity: bad", "move: dismissive\n    polarity: good");
        assertProblem("rubric.yaml", text, "    polarity: good\n    points: 15\n    patterns: [\"随便你\"",
                "动作 dismissive 属于 bad");
    }

    @Test
    void rubric_missing_a_fixed_dimension_is_refused() {
        String text = rubric().replaceFirst("  - \\{id: ownership, [^\n]*\n", "");
        List<KnowledgeFormatException> problems = validate("rubric.yaml", text);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("缺少维度 ownership"), problems.get(0).getMessage());
    }

    @Test
    void upload_naming_an_unknown_section_is_reported() {
        String text = hotel().replace("complaint-handling#安抚愤怒的客户\n", "complaint-handling#不存在的小节\n");
        List<KnowledgeFormatException> problems = validate(Fixtures.HOTEL + ".yaml", text);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("complaint-handling#不存在的小节"), problems.get(0).getMessage());
    }

    @Test
    void upload_that_is_not_utf8_is_refused() {
        byte[] gbk = hotel().getBytes(Charset.forName("GBK"));
        List<KnowledgeFormatException> problems = ScenarioBook.validate(Fixtures.HOTEL + ".yaml", gbk, knowledge);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).getMessage().contains("UTF-8"));
    }

    @Test
    void valid_upload_has_no_problems() {
        assertEquals(List.of(), validate(Fixtures.HOTEL + ".yaml", hotel()));
        assertEquals(List.of(), validate("rubric.yaml", rubric()));
    }

    private void assertProblem(String file, String text, String lineText, String reason) {
        List<KnowledgeFormatException> problems = validate(file, text);
        assertEquals(1, problems.size(), problems.toString());
        KnowledgeFormatException p = problems.get(0);
        assertTrue(p.getMessage().contains(reason), p.getMessage());
        assertEquals(lineOf(text, lineText), p.line(), p.getMessage());
        assertTrue(p.getMessage().startsWith(file + ":" + p.line() + ": "), p.getMessage());
    }

    private List<KnowledgeFormatException> validate(String file, String text) {
        return ScenarioBook.validate(file, text.getBytes(StandardCharsets.UTF_8), knowledge);
    }

    /** 1-based line where {@code needle} starts. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException("not in text: " + needle);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String hotel() {
        return read("scenarios/" + Fixtures.HOTEL + ".yaml");
    }

    private static String rubric() {
        return read("rubric.yaml");
    }

    private static String read(String name) {
        try {
            return Files.readString(Fixtures.knowledgeDir().resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyFixture(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(Fixtures.knowledgeDir().resolve("rubric.yaml"), dir.resolve("rubric.yaml"));
        try (var scenarios = Files.list(Fixtures.knowledgeDir().resolve("scenarios"))) {
            for (Path file : scenarios.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, dir.resolve("scenarios").resolve(file.getFileName().toString()));
            }
        }
    }
}
