package org.coachbot.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What the dashboard's API answers, as JSON: times are epoch milliseconds, dates ISO days in the team's time zone,
 * scores 0–100 and {@code null} where nothing was scored. Names and transcript lines are the trainees' own words:
 * the page puts them on screen as text only, never as HTML.
 */
public final class Views {
    private Views() {
    }

    /** A rubric dimension; {@code name} is its id when the rubric in service no longer has it. */
    public record Dimension(String id, String name) {
    }

    /**
     * The whole team: every trainee in one answer, so the page sorts and filters without asking again.
     *
     * @param zone the team's time zone, in which the page shows dates
     */
    public record Table(String viewer, String zone, int passMark, long now, List<Dimension> dimensions,
                        Map<String, Double> averages, List<TableRow> rows) {
    }

    /**
     * One trainee in the table.
     *
     * @param passed  the 30-day average against the pass mark; null without a full session in 30 days
     * @param due     assignments not started and not yet due
     * @param last    the latest session ever, null when none
     */
    public record TableRow(long id, String name, int week, int month, Double average, String weakest,
                           Double weakestScore, Boolean passed, int due, int overdue, int done, Long last,
                           List<Integer> certificates) {
    }

    /** A finished session; {@code drill} is the dimension a drill trained, empty for a full call. */
    public record Session(long id, String scenario, String title, String drill, String outcome, int total,
                          boolean resolved, int turns, int hints, long started, long ended,
                          Map<String, Integer> scores) {
    }

    /** A dimension coming back as a drill. */
    public record Review(String dimension, long due, int reviews, int passes, int lastScore) {
    }

    public record Certificate(int level, String name, long earned) {
    }

    /** An assignment: {@code status} is DONE, OVERDUE or NOT_STARTED; {@code score} when done. */
    public record Assignment(long id, String kind, String target, String label, String due, String status,
                             Integer score) {
    }

    /** One trainee's page: their numbers, every session (newest first), drills, certificates and assignments. */
    public record Trainee(long id, String name, int passMark, List<Dimension> dimensions, int week, int month,
                          Double average, Boolean passed, Map<String, Double> averages, List<Session> sessions,
                          boolean moreSessions, List<Review> reviews, List<Certificate> certificates,
                          List<Assignment> assignments) {
    }

    /** A line of a transcript: TRAINEE or CUSTOMER. */
    public record Line(String speaker, String text) {
    }

    /** One call with its scorecard and every line said. */
    public record Call(long trainee, String name, int passMark, List<Dimension> dimensions, Session session,
                       List<Line> lines) {
    }

    /** A week of the team, starting Monday in the team's time zone. */
    public record Week(String start, Map<String, Double> averages, int trainees, int sessions) {
    }

    public record Weeks(int passMark, List<Dimension> dimensions, List<Week> weeks) {
    }

    public record Scenario(String id, String title, int difficulty) {
    }

    /** What can be assigned, and the earliest due date. */
    public record Targets(List<Scenario> scenarios, List<Dimension> dimensions, String today) {
    }

    /** The answer to an assignment made from the page. */
    public record Assigned(int count, String message) {
    }
}
