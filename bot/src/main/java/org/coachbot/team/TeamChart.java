package org.coachbot.team;

import org.coachbot.roleplay.view.ChartFonts;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.Map;

/** The team's average per dimension as horizontal bars, with the pass mark drawn across them. */
final class TeamChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 480;
    private static final Color BAR = new Color(0x1E, 0x88, 0xE5);
    private static final Color MARK = new Color(0xD3, 0x2F, 0x2F);

    private TeamChart() {
    }

    /** @param averages dimension name to the team's average, in the order to draw */
    static byte[] render(String title, Map<String, Double> averages, int passMark, String markLabel,
                         String series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        averages.forEach((name, avg) -> data.addValue(avg, series, name));
        String family = ChartFonts.family(title + markLabel + String.join("", averages.keySet()));
        CategoryAxis names = new CategoryAxis();
        names.setTickLabelFont(new Font(family, Font.PLAIN, 16));
        NumberAxis scores = new NumberAxis();
        scores.setRange(0, 100);
        scores.setTickUnit(new NumberTickUnit(10));
        scores.setTickLabelFont(new Font(family, Font.PLAIN, 13));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BAR);
        bars.setMaximumBarWidth(0.12);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(family, Font.BOLD, 14));
        // The number right after the end of its bar, where the eye lands.
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(data, names, scores, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker mark = new ValueMarker(passMark, MARK, new BasicStroke(2.5f));
        mark.setLabel(markLabel);
        mark.setLabelFont(new Font(family, Font.PLAIN, 13));
        mark.setLabelPaint(MARK);
        mark.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        mark.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(mark);
        JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 20), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the team chart as PNG", e);
        }
        return out.toByteArray();
    }
}
