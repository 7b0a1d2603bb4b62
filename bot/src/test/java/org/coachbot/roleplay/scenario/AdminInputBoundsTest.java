package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped rubric and a scenario, each changed the way an admin's mistake would change it. */
class AdminInputBoundsTest {
    private static final Path KNOWLEDGE = Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
    private final Texts texts = Texts.of("roleplay");
    private final RubricParser rubrics = new RubricParser(texts, PatternBudget.DEFAULT);
    private final ScenarioParser scenarios = new ScenarioParser(texts, PatternBudget.DEFAULT);

    private static String rubric() throws IOException {
        return Files.readString(KNOWLEDGE.resolve("rubric.yaml"));
    }

    private KnowledgeFormatException refused(String text) {
        return assertThrows(KnowledgeFormatException.class, () -> rubrics.parse("rubric.yaml", text));
    }

    @Test
    void the_shipped_rubric_loads_and_its_best_call_scores_high() throws IOException {
        Rubric rubric = rubrics.parse("rubric.yaml", rubric());

        assertTrue(RubricParser.bestTotal(rubric.dimensions(), rubric.detectors(), rubric.scoring()) >= 90);
    }

    @Test
    void a_weight_that_would_make_every_score_0_is_refused_with_its_line() throws IOException {
        String text = rubric().replace("name: 礼貌与规范用语, weight: 1.0", "name: 礼貌与规范用语, weight: 1e308");

        KnowledgeFormatException e = refused(text);

        int line = ScenarioBookTest.lineOf(text, "weight: 1e308");
        assertEquals("rubric.yaml:" + line + ": dimensions[0].weight 必须是大于 0、不超过 100 的数字,现在是 1.0E308",
                e.getMessage());
        assertTrue(refused(rubric().replace("weight: 1.0, description: 道歉", "weight: 0, description: 道歉"))
                .getMessage().contains("dimensions[1].weight"));
    }

    @Test
    void caps_thresholds_and_points_that_would_flatten_every_score_are_refused() throws IOException {
        assertTrue(refused(rubric().replace("lost_cap: 35", "lost_cap: 0")).getMessage()
                .contains("scoring.lost_cap 必须在 1 到 100 之间,现在是 0"));
        assertTrue(refused(rubric().replaceFirst("unresolved_cap: \\d+", "unresolved_cap: 0")).getMessage()
                .contains("scoring.unresolved_cap"));
        assertTrue(refused(rubric().replaceFirst("bad_line_penalty: \\d+", "bad_line_penalty: 100")).getMessage()
                .contains("scoring.bad_line_penalty 必须在 0 到 30 之间"));
        assertTrue(refused(rubric().replaceFirst("bad_moves: [0-9.]+", "bad_moves: 0.05")).getMessage()
                .contains("thresholds.bad_moves 必须是 0.5 到 1 之间的小数"));
        assertTrue(refused(rubric().replaceFirst("points: 10", "points: 0")).getMessage()
                .contains("detectors[0].points 必须在 1 到 100 之间"));
    }

    @Test
    void a_rubric_whose_best_call_cannot_reach_60_is_refused() throws IOException {
        String text = rubric().replaceAll("baseline: \\d+", "baseline: 0").replaceAll("points: \\d+", "points: 1")
                .replace("remedy_points: 45", "remedy_points: 0").replace("resolved_points: 15", "resolved_points: 0");

        assertTrue(refused(text).getMessage().contains("最高也只能得"), refused(text).getMessage());
    }

    @Test
    void a_rubric_pattern_that_backtracks_without_end_is_refused_naming_file_line_and_pattern() throws IOException {
        String text = rubric().replace("patterns: [\"[您你]好\"", "patterns: [\"(.*?,?)*?z\"");

        KnowledgeFormatException e = refused(text);

        int line = ScenarioBookTest.lineOf(text, "patterns: [\"(.*?,?)*?z\"");
        assertTrue(e.getMessage().startsWith("rubric.yaml:" + line + ": 正则表达式 (.*?,?)*?z 太慢"), e.getMessage());
    }

    @Test
    void a_scenario_pattern_that_backtracks_without_end_is_refused_naming_file_line_and_pattern()
            throws IOException {
        String name = "scenarios/hotel-no-hot-water.yaml";
        String text = Files.readString(KNOWLEDGE.resolve(name)).replace("patterns: [\"房间?号\"", "patterns: [\"(您*?)*?好\"");

        KnowledgeFormatException e = assertThrows(KnowledgeFormatException.class, () -> scenarios.parse(name, text));

        assertTrue(e.getMessage().startsWith(name + ":49: 正则表达式 (您*?)*?好 太慢"), e.getMessage());
    }

    @Test
    void every_shipped_scenario_and_the_rubric_load_within_the_budget() {
        ScenarioBook book = ScenarioBook.load(KNOWLEDGE, new org.coachbot.knowledge.KnowledgeLoader().load(KNOWLEDGE));

        assertTrue(book.problems().isEmpty(), book.problems().toString());
        assertTrue(book.playable());
    }
}
