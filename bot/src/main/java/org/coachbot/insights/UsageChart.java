package org.coachbot.insights;

import org.coachbot.roleplay.view.ChartFonts;
import org.coachbot.text.Texts;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeTableXYDataset;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.TimeZone;

/** The questions-per-day chart of {@code /stats}: stacked bars of tips and declined questions, as PNG. */
final class UsageChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final Color TIPS = new Color(0x2E, 0x7D, 0x32);
    private static final Color UNCOVERED = new Color(0xEF, 0x6C, 0x00);
    private static final Color OFF_TOPIC = new Color(0x9E, 0x9E, 0x9E);

    private UsageChart() {
    }

    static byte[] render(Usage u, Texts texts) {
        String tips = texts.get("chart.tips");
        String uncovered = texts.get("chart.uncovered");
        String offTopic = texts.get("chart.offtopic");
        String title = texts.get("chart.title", u.range().first(), u.range().last());
        String axis = texts.get("chart.axis");
        TimeZone zone = TimeZone.getTimeZone(u.range().zone());
        TimeTableXYDataset data = new TimeTableXYDataset(zone);
        for (Usage.Day d : u.days()) {
            Day day = new Day(d.date().getDayOfMonth(), d.date().getMonthValue(), d.date().getYear());
            data.add(day, d.tips(), tips, false);
            data.add(day, d.uncovered(), uncovered, false);
            data.add(day, d.offTopic(), offTopic, false);
        }
        String family = ChartFonts.family(title + axis + tips + uncovered + offTopic);
        DateAxis x = new DateAxis();
        x.setTimeZone(zone);
        int days = u.range().days();
        // One label per day up to two weeks, then every few days; months past two months. Labels under the bar's
        // middle, as each bar is a whole day.
        if (days > 62) {
            x.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 1, dateFormat("yyyy-MM", zone)));
        } else {
            x.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, Math.max(1, (days + 13) / 14),
                    dateFormat("MM-dd", zone)));
            x.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
        }
        x.setTickLabelFont(new Font(family, Font.PLAIN, 13));
        NumberAxis y = new NumberAxis(axis);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setLabelFont(new Font(family, Font.PLAIN, 15));
        StackedXYBarRenderer bars = new StackedXYBarRenderer(0.15);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, TIPS);
        bars.setSeriesPaint(1, UNCOVERED);
        bars.setSeriesPaint(2, OFF_TOPIC);
        XYPlot plot = new XYPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(family, Font.BOLD, 20), plot, true);
        chart.getLegend().setItemFont(new Font(family, Font.PLAIN, 14));
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static SimpleDateFormat dateFormat(String pattern, TimeZone zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern);
        f.setTimeZone(zone);
        return f;
    }
}
