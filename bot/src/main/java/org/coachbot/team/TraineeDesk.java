package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The trainee's side of team coaching: {@code /drill}, {@code /remind} and the team part of {@code /progress}. */
public final class TraineeDesk {
    /** Button data that starts a drill of the dimension after it (empty: the one the trainee needs most). */
    public static final String DRILL = "tm:drill:";
    /** The {@code /start} payload prefix of a link straight into a drill: {@code drill_empathy}. */
    public static final String DRILL_LINK = "drill_";
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:：]([0-5]\\d)");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final RolePlayDesk rolePlay;
    private final Supplier<ScenarioBook> books;
    private final People people;
    private final Assignments assignments;
    private final TrainingLog training;
    private final DrillPicker picker;
    private final Clock clock;
    private final TeamSettings settings;
    private final Texts texts;
    private final Labels labels;

    TraineeDesk(RolePlayDesk rolePlay, Supplier<ScenarioBook> books, People people, Assignments assignments,
                TrainingLog training, DrillPicker picker, Clock clock, TeamSettings settings, Texts texts) {
        this.rolePlay = rolePlay;
        this.books = books;
        this.people = people;
        this.assignments = assignments;
        this.training = training;
        this.picker = picker;
        this.clock = clock;
        this.settings = settings;
        this.texts = texts;
        this.labels = new Labels(texts);
    }

    /**
     * {@code /drill [dimension]}: a short call aimed at the named dimension, or at the one the trainee needs most
     * (a review that is due, else the weakest), in a scenario that trains it.
     */
    public void drill(Incoming in, String argument, Responder out) {
        ScenarioBook book = books.get();
        Optional<Rubric> rubric = book.rubric();
        if (rubric.isEmpty() || !book.playable()) {
            out.send(Reply.html(texts.get("drill.unavailable")));
            return;
        }
        Optional<String> dimension;
        if (argument.isBlank()) {
            dimension = picker.dimensionFor(in.user().id(), rubric.get());
            if (dimension.isEmpty()) {
                out.send(Reply.html(texts.get("drill.no.history"), dimensionButtons(rubric.get(), true)));
                return;
            }
        } else {
            dimension = findDimension(rubric.get(), argument.strip());
            if (dimension.isEmpty()) {
                out.send(Reply.html(texts.get("drill.unknown", Html.escape(argument.strip())),
                        dimensionButtons(rubric.get(), false)));
                return;
            }
        }
        Optional<Scenario> scenario = picker.scenarioFor(dimension.get(), in.user().id(), book);
        if (scenario.isEmpty()) {
            out.send(Reply.html(texts.get("drill.unavailable")));
            return;
        }
        rolePlay.startDrill(in, scenario.get().id(), Drill.of(dimension.get(), settings.drillTurns()), out);
    }

    /** A dimension by id (any case) or by its name in the rubric. */
    static Optional<String> findDimension(Rubric rubric, String text) {
        return rubric.dimensions().stream()
                .filter(d -> d.id().equalsIgnoreCase(text) || d.name().equals(text))
                .map(Dimension::id).findFirst();
    }

    private List<List<Button>> dimensionButtons(Rubric rubric, boolean withRolePlay) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Dimension d : rubric.dimensions()) {
            row.add(new Button(d.name(), DRILL + d.id()));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        if (withRolePlay) {
            rows.add(List.of(new Button(texts.get("button.roleplay"), RolePlayDesk.startButtonData(""))));
        }
        return rows;
    }

    /** {@code /remind HH:MM [time zone]}, {@code /remind off}, or {@code /remind} alone for the current setting. */
    public void remind(Incoming in, String argument, Responder out) {
        String[] parts = argument.strip().split("\\s+");
        long user = in.user().id();
        Optional<Person> person = people.find(user);
        if (argument.isBlank()) {
            out.send(Reply.html(person.flatMap(Person::reminder).map(at -> texts.get("remind.status",
                    HOUR.format(at), person.get().zoneOr(settings.zone()).getId())).orElse(texts.get("remind.none"))));
            return;
        }
        if (parts[0].equalsIgnoreCase("off") || parts[0].equals("关闭")) {
            people.stopReminders(user);
            out.send(Reply.html(texts.get("remind.off")));
            return;
        }
        Matcher m = TIME.matcher(parts[0]);
        if (!m.matches() || parts.length > 2) {
            out.send(Reply.html(texts.get("remind.usage", Html.escape(argument.strip()))));
            return;
        }
        ZoneId zone = null;
        if (parts.length == 2) {
            try {
                zone = ZoneId.of(parts[1].toUpperCase(Locale.ROOT).startsWith("UTC")
                        || parts[1].toUpperCase(Locale.ROOT).startsWith("GMT") ? parts[1].toUpperCase(Locale.ROOT)
                        : parts[1]);
            } catch (DateTimeException e) {
                out.send(Reply.html(texts.get("remind.zone", Html.escape(parts[1]))));
                return;
            }
        } else {
            zone = person.map(Person::zone).orElse(null);
        }
        LocalTime at = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        ZoneId effective = zone == null ? settings.zone() : zone;
        Instant next = Scheduler.next(clock.instant(), at, effective);
        people.remind(user, at, zone, next);
        out.send(Reply.html(texts.get("remind.on", HOUR.format(at), effective.getId(),
                Labels.day(next.atZone(effective).toLocalDate()))));
    }

    /** {@code /progress}: the role-play history, then the trainee's assignments, next drill and certificates. */
    public void progress(Incoming in, String argument, Responder out) {
        rolePlay.progress(in, argument, out);
        out.send(teamProgress(in.user().id()));
    }

    private Reply teamProgress(long user) {
        ScenarioBook book = books.get();
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder(texts.get("progress.assignments"));
        List<List<Button>> buttons = new ArrayList<>();
        List<Assignment> open = assignments.open(user);
        if (open.isEmpty()) {
            html.append('\n').append(texts.get("progress.assignments.none"));
        }
        for (Assignment a : open) {
            String status = texts.get("status." + a.status(now).name().toLowerCase(Locale.ROOT));
            html.append('\n').append(texts.get("progress.assignment", labels.target(book, a.target()), status,
                    Labels.day(a.dueDate())));
            if (buttons.size() < Notices.REMINDER_ASSIGNMENTS) {
                buttons.add(List.of(new Button(texts.get("button.start.target",
                        Html.toPlain(labels.target(book, a.target()))), Notices.startData(a.target()))));
            }
        }
        html.append("\n\n").append(texts.get("progress.drill"));
        // One rule with /drill: the review due longest, else the weakest dimension of the last 30 days.
        Optional<String> next = book.rubric().flatMap(r -> picker.dimensionFor(user, r));
        List<Review> reviews = training.reviews(user);
        if (next.isEmpty()) {
            html.append('\n').append(texts.get("progress.drill.none"));
        }
        next.ifPresent(dimension -> {
            String name = Html.escape(Labels.dimension(book, dimension));
            Optional<Review> due = reviews.stream().filter(r -> r.dimension().equals(dimension) && r.due(now))
                    .findFirst();
            html.append('\n').append(due.isPresent()
                    ? texts.get("progress.drill.due", name, due.get().lastScore(), settings.passMark())
                    : texts.get("progress.drill.weakest", name));
            buttons.add(List.of(new Button(texts.get("button.drill", Labels.dimension(book, dimension)),
                    DRILL + dimension)));
        });
        reviews.stream().filter(r -> !r.due(now)).findFirst().ifPresent(r -> html.append('\n').append(
                texts.get("progress.drill.next", Html.escape(Labels.dimension(book, r.dimension())),
                        Labels.day(r.dueAt().atZone(zone(user)).toLocalDate()), r.lastScore(), settings.passMark())));
        List<Certificate> certificates = training.certificates().getOrDefault(user, List.of());
        if (!certificates.isEmpty()) {
            html.append("\n\n").append(texts.get("progress.certificates", String.join("、",
                    certificates.stream().map(c -> labels.level(c.level())).toList())));
        }
        Optional<Person> person = people.find(user);
        html.append("\n\n").append(person.flatMap(Person::reminder).map(at -> texts.get("progress.reminder",
                HOUR.format(at))).orElse(texts.get("progress.reminder.off")));
        return Reply.html(html.toString(), buttons);
    }

    private ZoneId zone(long user) {
        return people.find(user).map(p -> p.zoneOr(settings.zone())).orElse(settings.zone());
    }

    /** Buttons whose data starts with {@link #DRILL}. */
    public void onButton(Incoming in, Responder out) {
        drill(in, in.text().substring(DRILL.length()), out);
    }

    /** {@code /start drill_<dimension>}, from a link in a group. */
    public void drillLink(Incoming in, String dimension, Responder out) {
        drill(in, dimension, out);
    }
}
