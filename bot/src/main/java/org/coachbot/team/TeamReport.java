package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Reply;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /team}: one entry per trainee (practice in the last 7 and 30 days, average, weakest dimension, last
 * practice, pass or fail, assignments, certificates) and the team's average per dimension. Scores only: no line a
 * trainee said ever appears here.
 */
final class TeamReport {
    /** Trainees per page: about 200 characters each keeps a page within one Telegram message. */
    static final int PAGE_SIZE = 15;
    static final String PAGE = "tm:team:";
    static final String EXPORT = "tm:export";
    private final TeamRoster team;
    private final Supplier<ScenarioBook> books;
    private final TeamSettings settings;
    private final Texts texts;
    private final Labels labels;
    private final Supplier<Optional<Button>> dashboard;

    /** @param dashboard the button that opens the team dashboard, when one is served */
    TeamReport(TeamRoster team, Supplier<ScenarioBook> books, TeamSettings settings, Texts texts,
               Supplier<Optional<Button>> dashboard) {
        this.team = team;
        this.books = books;
        this.settings = settings;
        this.texts = texts;
        this.labels = new Labels(texts);
        this.dashboard = dashboard;
    }

    Roster roster() {
        return team.roster();
    }

    private boolean passed(TraineeStats s) {
        return team.passed(s);
    }

    static int pages(Roster roster) {
        return Math.max(1, (roster.rows().size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** One page of the report as HTML, with paging, dashboard and export buttons. */
    Reply page(Roster roster, int page) {
        int p = Math.max(0, Math.min(page, pages(roster) - 1));
        Instant now = roster.at();
        List<Roster.Row> rows = roster.rows();
        long active = rows.stream().filter(r -> r.stats().week() > 0).count();
        long passed = rows.stream().filter(r -> passed(r.stats())).count();
        Map<Assignment.Status, Integer> work = new HashMap<>();
        rows.forEach(r -> r.assignments().forEach(a -> work.merge(a.status(now), 1, Integer::sum)));
        StringBuilder html = new StringBuilder(texts.get("team.title", settings.passMark()))
                .append('\n').append(texts.get("team.summary", rows.size(), active, passed))
                .append('\n').append(texts.get("team.work", work.getOrDefault(Assignment.Status.DONE, 0),
                        work.getOrDefault(Assignment.Status.OVERDUE, 0),
                        work.getOrDefault(Assignment.Status.NOT_STARTED, 0)));
        if (rows.isEmpty()) {
            html.append("\n\n").append(texts.get("team.empty"));
        }
        ScenarioBook book = books.get();
        for (int i = p * PAGE_SIZE; i < Math.min(rows.size(), (p + 1) * PAGE_SIZE); i++) {
            html.append("\n\n").append(row(i + 1, rows.get(i), book, now));
        }
        if (pages(roster) > 1) {
            html.append("\n\n").append(texts.get("team.page", p + 1, pages(roster)));
        }
        List<Button> nav = new ArrayList<>();
        if (p > 0) {
            nav.add(new Button(texts.get("button.previous"), PAGE + (p - 1)));
        }
        if (p < pages(roster) - 1) {
            nav.add(new Button(texts.get("button.next"), PAGE + (p + 1)));
        }
        List<List<Button>> buttons = new ArrayList<>();
        if (!nav.isEmpty()) {
            buttons.add(nav);
        }
        List<Button> last = new ArrayList<>();
        dashboard.get().ifPresent(last::add);
        last.add(new Button(texts.get("button.export"), EXPORT));
        buttons.add(last);
        return Reply.html(html.toString(), buttons);
    }

    private String row(int n, Roster.Row r, ScenarioBook book, Instant now) {
        TraineeStats s = r.stats();
        StringBuilder out = new StringBuilder(texts.get("team.row.name", n, Html.escape(r.name())));
        String verdict = s.averageScore().isEmpty() ? texts.get("team.row.none")
                : texts.get(passed(s) ? "team.row.pass" : "team.row.fail");
        out.append('\n').append(texts.get("team.row.counts", s.week(), s.month(),
                s.averageScore().isPresent() ? String.valueOf(Math.round(s.average())) : "—", verdict));
        String weakest = s.weakest().map(d -> texts.get("team.row.weakest", Html.escape(Labels.dimension(book, d)),
                Math.round(s.dimensions().get(d)))).orElse(texts.get("team.row.weakest.none"));
        String last = s.last() == null ? texts.get("team.row.never")
                : texts.get("team.row.last", Labels.shortDay(s.last(), settings.zone()));
        out.append('\n').append(weakest).append(" · ").append(last);
        for (Assignment a : r.assignments()) {
            Assignment.Status status = a.status(now);
            String state = status == Assignment.Status.DONE
                    ? texts.get("team.row.done", a.score())
                    : texts.get("status." + status.name().toLowerCase(Locale.ROOT));
            out.append('\n').append(texts.get("team.row.assignment", labels.target(book, a.target()), state,
                    Labels.shortDay(a.dueAt().minusMillis(1), settings.zone())));
        }
        if (!r.certificates().isEmpty()) {
            out.append('\n').append(texts.get("team.row.certificates", String.join("、",
                    r.certificates().stream().map(c -> labels.level(c.level())).toList())));
        }
        return out.toString();
    }

    /** The team's average per dimension as a bar chart; names in the rubric's order. */
    byte[] chart(Roster roster) {
        ScenarioBook book = books.get();
        Map<String, Double> byName = new LinkedHashMap<>();
        book.rubric().ifPresent(rubric -> rubric.dimensions().stream().map(Dimension::id)
                .filter(roster.averages()::containsKey)
                .forEach(id -> byName.put(Labels.dimension(book, id), roster.averages().get(id))));
        return TeamChart.render(texts.get("chart.title"), byName, settings.passMark(),
                texts.get("chart.mark", settings.passMark()), texts.get("chart.series"));
    }
}
