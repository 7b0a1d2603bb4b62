package org.coachbot.roleplay.view;

import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    private static final List<Scorecard.DimensionScore> SCORES = List.of(
            new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", 80),
            new Scorecard.DimensionScore("empathy", "同理心", 65),
            new Scorecard.DimensionScore("positive_language", "积极语言", 70),
            new Scorecard.DimensionScore("resolution", "解决问题与承诺", 90),
            new Scorecard.DimensionScore("questioning", "提问与倾听", 55),
            new Scorecard.DimensionScore("ownership", "情绪掌控与担当", 75));

    @Test
    void radar_chart_renders_a_png() throws IOException {
        byte[] png = Charts.radar("能力雷达图 · 总分 74", SCORES, List.of(60.0, 60.0, 70.0, 50.0, 60.0, 70.0),
                "本次", "近期平均");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertTrue(png.length > 5_000, "png has " + png.length + " bytes");
    }

    @Test
    void trend_chart_renders_a_png() throws IOException {
        byte[] png = Charts.trend("总分趋势", List.of("1", "2", "3"), List.of(55, 68, 81), "分数", "总分");
        assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getHeight() > 0);
    }

    @Test
    void the_bundled_font_displays_every_chart_label_of_the_bundles_the_rubric_and_the_scenarios()
            throws Exception {
        // given every text a chart can show: its titles and legends, the dimension names, the scenario titles
        StringBuilder labels = new StringBuilder("0123456789 ·:/-()%");
        ResourceBundle roleplay = ResourceBundle.getBundle("i18n.roleplay", Locale.ROOT);
        // (Captions go with the photo as message text, not into the image.)
        roleplay.keySet().stream().filter(k -> k.startsWith("chart.") && !k.endsWith(".caption"))
                .forEach(k -> labels.append(roleplay.getString(k)));
        Path knowledge = Path.of("../knowledge");
        ScenarioBook book = ScenarioBook.load(knowledge, new KnowledgeLoader().load(knowledge));
        book.rubric().orElseThrow().dimensions().forEach(d -> labels.append(d.name()));
        book.scenarios().forEach(sc -> labels.append(sc.title()));
        String all = labels.toString().replaceAll("\\{\\d}", "");

        // when
        Font bundled;
        try (InputStream in = ChartFonts.class.getResourceAsStream(ChartFonts.BUNDLED)) {
            bundled = Font.createFont(Font.TRUETYPE_FONT, in);
        }

        // then
        int missing = bundled.canDisplayUpTo(all);
        assertEquals(-1, missing, missing < 0 ? "" : "cannot display " + all.charAt(missing) + " in " + all);
    }

    @Test
    void the_charts_use_a_font_that_displays_chinese_even_on_a_machine_without_one() {
        String labels = "礼貌与规范用语同理心积极语言能力雷达图总分趋势";

        String family = ChartFonts.family(labels);

        assertEquals(-1, new Font(family, Font.PLAIN, 12).canDisplayUpTo(labels), family);
        assertTrue(ChartFonts.registerBundled().isPresent());
    }
}
