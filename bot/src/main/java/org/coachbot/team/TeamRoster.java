package org.coachbot.team;

import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Who is on the team and how each trainee stands: the one definition {@code /team}, its pages and the dashboard
 * share. Aggregated by the stores, so a team of 500 with 20,000 sessions is read as one row per trainee.
 */
public final class TeamRoster {
    static final Duration WEEK = Duration.ofDays(7);
    static final Duration MONTH = Duration.ofDays(30);
    private final People people;
    private final Assignments assignments;
    private final TrainingLog training;
    private final Supplier<ScenarioBook> books;
    private final Clock clock;
    private final TeamSettings settings;
    private final Set<Long> staff;
    private final Texts texts;

    TeamRoster(People people, Assignments assignments, TrainingLog training, Supplier<ScenarioBook> books,
               Clock clock, TeamSettings settings, Set<Long> staff, Texts texts) {
        this.people = people;
        this.assignments = assignments;
        this.training = training;
        this.books = books;
        this.clock = clock;
        this.settings = settings;
        this.staff = Set.copyOf(staff);
        this.texts = texts;
    }

    /**
     * Everyone the team report covers: people the bot knows who are not supervisors, and anyone with sessions or
     * assignments. Those who need attention come first: overdue work, then below the pass mark, lowest first.
     */
    public Roster roster() {
        Instant now = clock.instant();
        Map<Long, TraineeStats> stats = new HashMap<>();
        training.stats(now.minus(WEEK), now.minus(MONTH)).forEach(s -> stats.put(s.userId(), s));
        Map<Long, Person> known = people.all();
        Map<Long, List<Assignment>> work = new HashMap<>();
        assignments.current(now.minus(MONTH)).forEach(a -> work.computeIfAbsent(a.traineeId(),
                k -> new ArrayList<>()).add(a));
        Map<Long, List<Certificate>> certificates = training.certificates();
        Set<Long> ids = new TreeSet<>(stats.keySet());
        ids.addAll(work.keySet());
        known.keySet().stream().filter(id -> !staff.contains(id)).forEach(ids::add);
        List<Roster.Row> rows = new ArrayList<>();
        for (long id : ids) {
            Person p = known.get(id);
            rows.add(new Roster.Row(id, p == null ? unknownName(id) : p.displayName(),
                    stats.getOrDefault(id, TraineeStats.none(id)), work.getOrDefault(id, List.of()),
                    certificates.getOrDefault(id, List.of())));
        }
        rows.sort(Comparator.comparingInt((Roster.Row r) -> -r.overdue(now))
                .thenComparing(r -> passed(r.stats()))
                .thenComparingDouble(r -> r.stats().averageScore().orElse(-1))
                .thenComparing(Roster.Row::name));
        Map<String, Double> averages = new LinkedHashMap<>();
        books.get().rubric().ifPresent(rubric -> rubric.dimensions().forEach(d -> {
            OptionalDouble avg = rows.stream().filter(r -> r.stats().dimensions().containsKey(d.id()))
                    .mapToDouble(r -> r.stats().dimensions().get(d.id())).average();
            avg.ifPresent(v -> averages.put(d.id(), v));
        }));
        return new Roster(rows, averages, now);
    }

    /** Whether the trainee's 30-day average reaches the pass mark; false with no full session. */
    public boolean passed(TraineeStats s) {
        return s.averageScore().orElse(-1) >= settings.passMark();
    }

    /** How reports name someone the bot has not seen write yet. */
    public String unknownName(long id) {
        return texts.get("name.unknown", String.valueOf(id));
    }

    /** Supervisors and administrators: never on the team. */
    public boolean staff(long id) {
        return staff.contains(id);
    }
}
