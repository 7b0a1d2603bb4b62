package org.coachbot.dashboard;

import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.team.Assigner;
import org.coachbot.team.Assignment;
import org.coachbot.team.AssignmentRefusedException;
import org.coachbot.team.Assignments;
import org.coachbot.team.People;
import org.coachbot.team.Person;
import org.coachbot.team.Roster;
import org.coachbot.team.SessionRow;
import org.coachbot.team.Target;
import org.coachbot.team.TeamRoster;
import org.coachbot.team.TeamSettings;
import org.coachbot.team.TrainingLog;
import org.coachbot.text.Texts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The dashboard's data, read from the team's stores and shaped as {@link Views}: the same roster as {@code /team},
 * a trainee's sessions, drills and certificates, one call's transcript, the team's weeks; and assignments made
 * through the team's {@link Assigner}, under the rules of {@code /assign}.
 */
public final class TeamBoard {
    /** Sessions on a trainee's page: months of daily practice; older ones stay in the CSV export. */
    static final int MAX_SESSIONS = 300;
    /** Weeks in the team's trend: a quarter. */
    static final int WEEKS = 12;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);
    private final TeamRoster roster;
    private final SessionArchive archive;
    private final TrainingLog training;
    private final Assignments assignments;
    private final People people;
    private final Assigner assigner;
    private final Supplier<ScenarioBook> books;
    private final TeamSettings settings;
    private final Clock clock;
    private final Texts teamTexts = Texts.of("team");

    public TeamBoard(TeamRoster roster, SessionArchive archive, TrainingLog training, Assignments assignments,
                     People people, Assigner assigner, Supplier<ScenarioBook> books, TeamSettings settings,
                     Clock clock) {
        this.roster = roster;
        this.archive = archive;
        this.training = training;
        this.assignments = assignments;
        this.people = people;
        this.assigner = assigner;
        this.books = books;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every trainee of the team, in the order {@code /team} lists them. */
    public Views.Table table(String viewer) {
        Roster team = roster.roster();
        Instant now = team.at();
        ScenarioBook book = books.get();
        List<Views.TableRow> rows = new ArrayList<>(team.rows().size());
        for (Roster.Row r : team.rows()) {
            var s = r.stats();
            Optional<String> weakest = s.weakest();
            rows.add(new Views.TableRow(r.userId(), r.name(), s.week(), s.month(), boxed(s.averageScore()),
                    weakest.orElse(null), weakest.map(d -> round(s.dimensions().get(d))).orElse(null),
                    s.averageScore().isPresent() ? roster.passed(s) : null,
                    r.count(Assignment.Status.NOT_STARTED, now), r.count(Assignment.Status.OVERDUE, now),
                    r.count(Assignment.Status.DONE, now), s.last() == null ? null : s.last().toEpochMilli(),
                    r.certificates().stream().map(c -> c.level()).toList()));
        }
        return new Views.Table(viewer, settings.zone().getId(), settings.passMark(), now.toEpochMilli(), dimensions(book), rounded(team.averages()),
                rows);
    }

    /** A trainee's page; empty for someone the bot has neither seen nor recorded a session of. */
    public Optional<Views.Trainee> trainee(long id) {
        List<SessionRow> rows = archive.sessions(id, MAX_SESSIONS + 1);
        Optional<Person> person = people.find(id);
        if (rows.isEmpty() && person.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ScenarioBook book = books.get();
        List<SessionRow> shown = rows.subList(0, Math.min(rows.size(), MAX_SESSIONS));
        int week = (int) shown.stream().filter(r -> !r.endedAt().isBefore(now.minus(WEEK))).count();
        List<SessionRow> month = shown.stream().filter(r -> !r.endedAt().isBefore(now.minus(MONTH))).toList();
        Double average = boxed(month.stream().filter(r -> r.drill().isEmpty()).mapToInt(SessionRow::total)
                .average());
        List<Views.Review> reviews = training.reviews(id).stream().map(r -> new Views.Review(r.dimension(),
                r.dueAt().toEpochMilli(), r.reviews(), r.passes(), r.lastScore())).toList();
        List<Views.Certificate> certificates = training.certificates().getOrDefault(id, List.of()).stream()
                .map(c -> new Views.Certificate(c.level(), teamTexts.get("level." + c.level()),
                        c.earnedAt().toEpochMilli())).toList();
        List<Views.Assignment> work = assignments.current(now.minus(MONTH)).stream()
                .filter(a -> a.traineeId() == id).map(a -> assignment(a, book, now)).toList();
        return Optional.of(new Views.Trainee(id, person.map(Person::displayName).orElse(roster.unknownName(id)),
                settings.passMark(), dimensions(book), week, month.size(), average,
                average == null ? null : average >= settings.passMark(), rounded(training.averages(id, now.minus(MONTH))),
                shown.stream().map(r -> session(r, book)).toList(), rows.size() > MAX_SESSIONS, reviews,
                certificates, work));
    }

    /** One finished call with its scorecard and transcript. */
    public Optional<Views.Call> call(long sessionId) {
        ScenarioBook book = books.get();
        return archive.transcript(sessionId).map(t -> new Views.Call(t.session().userId(),
                people.find(t.session().userId()).map(Person::displayName)
                        .orElse(roster.unknownName(t.session().userId())),
                settings.passMark(), dimensions(book), session(t.session(), book),
                t.lines().stream().map(u -> new Views.Line(u.speaker().name(), u.text())).toList()));
    }

    /** The team's average per dimension in each of the last {@link #WEEKS} weeks, oldest first. */
    public Views.Weeks weeks() {
        Instant now = clock.instant();
        LocalDate monday = now.atZone(settings.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> days = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            days.add(monday.minusWeeks(i));
        }
        List<SessionArchive.Week> weeks = archive.weeks(days.stream()
                .map(d -> d.atStartOfDay(settings.zone()).toInstant()).toList(), now.plusMillis(1));
        List<Views.Week> out = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            SessionArchive.Week w = weeks.get(i);
            out.add(new Views.Week(days.get(i).toString(), rounded(w.averages()), w.trainees(), w.sessions()));
        }
        return new Views.Weeks(settings.passMark(), dimensions(books.get()), out);
    }

    /** The scenarios and dimensions an assignment can name, and the earliest due date. */
    public Views.Targets targets() {
        ScenarioBook book = books.get();
        return new Views.Targets(book.scenarios().stream()
                .map(s -> new Views.Scenario(s.id(), s.title(), s.difficulty())).toList(), dimensions(book),
                assigner.today().toString());
    }

    /**
     * Assigns under the rules of {@code /assign}; the trainees are told from the supervisor's private chat.
     *
     * @throws AssignmentRefusedException when a rule is broken
     */
    public List<Assignment> assign(long supervisorId, List<Long> trainees, Target target, LocalDate due) {
        return assigner.assign(supervisorId, supervisorId, trainees, target, due);
    }

    private Views.Session session(SessionRow r, ScenarioBook book) {
        String title = book.scenario(r.scenarioId()).map(s -> s.title()).orElse(r.scenarioId());
        return new Views.Session(r.id(), r.scenarioId(), title, r.drill(), r.outcome(), r.total(), r.resolved(),
                r.turns(), r.hints(), r.startedAt().toEpochMilli(), r.endedAt().toEpochMilli(), r.scores());
    }

    private Views.Assignment assignment(Assignment a, ScenarioBook book, Instant now) {
        String label = switch (a.target().kind()) {
            case SCENARIO -> book.scenario(a.target().id()).map(s -> s.title()).orElse(a.target().id());
            case DIMENSION -> book.rubric().flatMap(r -> r.dimension(a.target().id())).map(d -> d.name())
                    .orElse(a.target().id());
        };
        Assignment.Status status = a.status(now);
        return new Views.Assignment(a.id(), a.target().kind().name(), a.target().id(), label,
                a.dueDate().toString(), status.name(), status == Assignment.Status.DONE ? a.score() : null);
    }

    private static List<Views.Dimension> dimensions(ScenarioBook book) {
        return book.rubric().map(Rubric::dimensions).orElse(List.of()).stream()
                .map(d -> new Views.Dimension(d.id(), d.name())).toList();
    }

    /** Tenths are all the page shows; 500 rows of full doubles would only make the answer longer. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? round(value.getAsDouble()) : null;
    }

    private static Map<String, Double> rounded(Map<String, Double> averages) {
        Map<String, Double> out = new LinkedHashMap<>();
        averages.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }
}
