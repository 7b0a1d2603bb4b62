package org.coachbot.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The queries behind {@link Usage}, run on the question log's connection under its lock. Role-play figures are
 * read from the sessions component's {@code finished_session} table, read-only.
 */
final class UsageQuery {
    private final Connection connection;

    UsageQuery(Connection connection) {
        this.connection = connection;
    }

    Usage run(DateRange range, int topSections) throws SQLException {
        long from = range.from().toEpochMilli();
        long until = range.until().toEpochMilli();
        long[] feedback = longs("SELECT COALESCE(SUM(f.helpful = 1), 0), COALESCE(SUM(f.helpful = 0), 0), "
                + "COUNT(DISTINCT f.question_id) FROM feedback f JOIN question q ON q.id = f.question_id "
                + "WHERE q.asked_at >= ? AND q.asked_at < ? AND q.answer = 'TIP'", from, until);
        long askers = longs("SELECT COUNT(DISTINCT user_id) FROM question WHERE asked_at >= ? AND asked_at < ?",
                from, until)[0];
        return new Usage(range, askers, days(range, from, until), sections(from, until, topSections), feedback[0],
                feedback[1], feedback[2], rolePlay(from, until));
    }

    /**
     * Counted here rather than grouped in SQL: a day in the team's zone is not a fixed number of milliseconds
     * after the epoch where summer time applies, and reading two columns of a year's questions is quick.
     */
    private List<Usage.Day> days(DateRange range, long from, long until) throws SQLException {
        int n = range.days();
        int[][] counts = new int[n][AnswerKind.values().length];
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT asked_at, answer FROM question WHERE asked_at >= ? AND asked_at < ?")) {
            ps.setLong(1, from);
            ps.setLong(2, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = range.dayOf(Instant.ofEpochMilli(rs.getLong(1)));
                    int i = (int) (day.toEpochDay() - range.first().toEpochDay());
                    if (i >= 0 && i < n) {
                        counts[i][AnswerKind.valueOf(rs.getString(2)).ordinal()]++;
                    }
                }
            }
        }
        List<Usage.Day> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] c = counts[i];
            out.add(new Usage.Day(range.first().plusDays(i), c[AnswerKind.TIP.ordinal()],
                    c[AnswerKind.UNCOVERED.ordinal()], c[AnswerKind.OFF_TOPIC.ordinal()],
                    c[AnswerKind.SAFETY.ordinal()]));
        }
        return out;
    }

    private List<Usage.SectionUse> sections(long from, long until, int limit) throws SQLException {
        String sql = "SELECT s.section_id, COUNT(*) FROM question_section s JOIN question q ON q.id = s.question_id "
                + "WHERE q.asked_at >= ? AND q.asked_at < ? GROUP BY s.section_id ORDER BY 2 DESC, 1 LIMIT ?";
        List<Usage.SectionUse> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, until);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Usage.SectionUse(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** Zero sessions when the sessions component has not created its table in this file. */
    private Usage.RolePlay rolePlay(long from, long until) throws SQLException {
        if (longs("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'finished_session'")[0] == 0) {
            return new Usage.RolePlay(0, 0, OptionalDouble.empty());
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT user_id), "
                + "AVG(total) FROM finished_session WHERE ended_at >= ? AND ended_at < ?")) {
            ps.setLong(1, from);
            ps.setLong(2, until);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long sessions = rs.getLong(1);
                long trainees = rs.getLong(2);
                double average = rs.getDouble(3);
                return new Usage.RolePlay(sessions, trainees,
                        sessions == 0 ? OptionalDouble.empty() : OptionalDouble.of(average));
            }
        }
    }

    private long[] longs(String sql, long... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setLong(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] out = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
                return out;
            }
        }
    }
}
