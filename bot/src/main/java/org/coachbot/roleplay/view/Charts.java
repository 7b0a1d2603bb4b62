package org.coachbot.roleplay.view;

import org.coachbot.roleplay.scoring.Scorecard;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Renders the scorecard's radar chart and the progress trend as PNG, in-process and headless. */
public final class Charts {
    static final int WIDTH = 800;
    static final int HEIGHT = 640;
    private static final Color SERIES = new Color(0x2E, 0x7D, 0x32);
    private static final Color AVERAGE = new Color(0x90, 0x90, 0x90);

    private Charts() {
    }

    /**
     * The radar of one session's dimension scores; {@code average}, when not empty, is drawn behind it as the
     * trainee's usual level, one value per dimension in the same order.
     */
    public static byte[] radar(String title, List<Scorecard.DimensionScore> scores, List<Double> average,
                               String seriesLabel, String averageLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        StringBuilder labels = new StringBuilder(title + seriesLabel + averageLabel);
        for (int i = 0; i < scores.size(); i++) {
            Scorecard.DimensionScore s = scores.get(i);
            // The score in the label saves the reader from estimating it from the web.
            String axis = s.name() + " " + s.score();
            data.addValue(s.score(), seriesLabel, axis);
            if (average.size() == scores.size()) {
                data.addValue(average.get(i), averageLabel, axis);
            }
            labels.append(axis);
        }
        String family = ChartFonts.family(labels.toString());
        SpiderWebPlot plot = new SpiderWebPlot(data);
        plot.setMaxValue(100);
        plot.setWebFilled(true);
        plot.setWebFillAlpha(0.25f);
        plot.setSeriesPaint(0, SERIES);
        plot.setSeriesPaint(1, AVERAGE);
        plot.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
        plot.setLabelFont(new Font(family, Font.PLAIN, 17));
        // Room for the longest labels (情绪掌控与担当) at the left and right axes.
        plot.setInteriorGap(0.28);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 22), plot,
                average.size() == scores.size());
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 15));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, WIDTH, HEIGHT);
    }

    /** Total scores of past sessions, oldest first, as a line over the session numbers. */
    public static byte[] trend(String title, List<String> sessionLabels, List<Integer> totals, String axisLabel,
                               String seriesLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < totals.size(); i++) {
            data.addValue(totals.get(i), seriesLabel, sessionLabels.get(i));
        }
        String family = ChartFonts.family(title + axisLabel + seriesLabel + String.join("", sessionLabels));
        CategoryAxis x = new CategoryAxis();
        x.setTickLabelFont(new Font(family, Font.PLAIN, 13));
        NumberAxis y = new NumberAxis(axisLabel);
        y.setRange(0, 100);
        y.setTickUnit(new NumberTickUnit(10));
        y.setLabelFont(new Font(family, Font.PLAIN, 15));
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, SERIES);
        line.setSeriesStroke(0, new BasicStroke(3f));
        CategoryPlot plot = new CategoryPlot(data, x, y, line);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 20), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, WIDTH, HEIGHT * 5 / 8);
    }

    /**
     * Renders one throw-away chart so the first trainee's scorecard does not pay for loading fonts and JFreeChart
     * (about half a second); call once at start-up, off the handler threads.
     */
    public static void warmUp() {
        radar("礼貌同理心积极语言解决问题与承诺提问与倾听情绪掌控与担当", List.of(
                new Scorecard.DimensionScore("courtesy", "礼貌与规范用语", 50)), List.of(), "本次", "之前平均");
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return out.toByteArray();
    }
}
