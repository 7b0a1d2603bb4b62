package org.coachbot.roleplay.view;

import org.coachbot.roleplay.scoring.Scorecard;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

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
    void chosen_font_displays_the_chinese_labels_when_a_cjk_font_is_installed() {
        String labels = "礼貌与规范用语同理心积极语言";
        String family = ChartFonts.family(labels);
        if (!family.equals(Font.SANS_SERIF)) {
            assertEquals(-1, new Font(family, Font.PLAIN, 12).canDisplayUpTo(labels), family);
        }
    }
}
