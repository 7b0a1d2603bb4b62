package org.coachbot.team;

import org.coachbot.roleplay.view.ChartFonts;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Draws a certificate as a PNG: who, which level, when, and the score of every scenario of the level. */
final class CertificateImage {
    static final int WIDTH = 1200;
    static final int HEIGHT = 850;
    /** The most scenario lines that fit; a level with more shows the first ones and a count of the rest. */
    static final int MAX_LINES = 8;
    private static final Color PAPER = new Color(0xFB, 0xF7, 0xEE);
    private static final Color GOLD = new Color(0xB8, 0x86, 0x0B);
    private static final Color INK = new Color(0x33, 0x33, 0x33);

    /** One line of the score table, e.g. 酒店客人洗澡没有热水 and 86 分. */
    record Line(String title, String score) {
    }

    /**
     * @param heading   e.g. 结业证书
     * @param subtitle  e.g. 客服对练 · 进阶级认证
     * @param statement e.g. 已通过全部进阶级练习场景,每个场景都达到合格线 80 分
     * @param footer    the date and issuer line
     * @param more      shown below the table when lines were left out, e.g. 另有 2 个场景
     */
    static byte[] render(String heading, String subtitle, String name, String statement, List<Line> lines,
                         String footer, String more) {
        String family = ChartFonts.family(heading + subtitle + name + statement + footer + more
                + String.join("", lines.stream().map(Line::title).toList()));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(PAPER);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(GOLD);
            g.setStroke(new BasicStroke(6f));
            g.drawRect(30, 30, WIDTH - 60, HEIGHT - 60);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(46, 46, WIDTH - 92, HEIGHT - 92);
            centered(g, heading, new Font(family, Font.BOLD, 64), GOLD, 150);
            centered(g, subtitle, new Font(family, Font.PLAIN, 30), INK, 205);
            centered(g, name, new Font(family, Font.BOLD, 52), INK, 300);
            centered(g, statement, new Font(family, Font.PLAIN, 26), INK, 360);
            Font row = new Font(family, Font.PLAIN, 24);
            g.setFont(row);
            FontMetrics m = g.getFontMetrics();
            int y = 425;
            for (Line line : lines.stream().limit(MAX_LINES).toList()) {
                String score = line.score();
                g.setColor(INK);
                g.drawString(fit(line.title(), m, 560), 300, y);
                g.drawString(score, WIDTH - 300 - m.stringWidth(score), y);
                y += 38;
            }
            if (lines.size() > MAX_LINES) {
                centered(g, more, row, INK, y);
            }
            centered(g, footer, new Font(family, Font.PLAIN, 22), INK, HEIGHT - 90);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the certificate as PNG", e);
        }
        return out.toByteArray();
    }

    private static void centered(Graphics2D g, String text, Font font, Color color, int y) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        String shown = fit(text, m, WIDTH - 160);
        g.drawString(shown, (WIDTH - m.stringWidth(shown)) / 2, y);
    }

    /** The text, cut with an ellipsis where it would run past {@code width} pixels. */
    private static String fit(String text, FontMetrics m, int width) {
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && m.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
