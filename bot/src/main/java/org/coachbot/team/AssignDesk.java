package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /assign}: a supervisor picks trainees (the author of the message replied to, {@code @usernames}, or from a
 * button list of the people the bot knows), a scenario or a dimension, and a due date. Whatever the command line
 * does not say is asked with buttons, kept in a {@link Draft} so they work after a restart too.
 */
final class AssignDesk {
    static final String PREFIX = "tm:a:";
    /** Trainees per page of the picker. */
    static final int PICKER_PAGE = 8;
    /** Due-date buttons: days from today. */
    static final List<Integer> DUE_DAYS = List.of(1, 3, 7, 14);
    private final People people;
    private final Assignments assignments;
    private final Supplier<ScenarioBook> books;
    private final Clock clock;
    private final Set<Long> staff;
    private final Texts texts;
    private final Labels labels;
    private final Assigner assigner;

    AssignDesk(People people, Assignments assignments, Supplier<ScenarioBook> books, Clock clock, Set<Long> staff,
               Texts texts, Assigner assigner) {
        this.people = people;
        this.assignments = assignments;
        this.books = books;
        this.clock = clock;
        this.staff = Set.copyOf(staff);
        this.texts = texts;
        this.labels = new Labels(texts);
        this.assigner = assigner;
    }

    /** {@code /assign [@name…] [scenario or dimension] [due date]}. */
    void assign(Incoming in, String argument, Responder out) {
        ScenarioBook book = books.get();
        if (!book.playable()) {
            out.send(Reply.html(texts.get("assign.unavailable")));
            return;
        }
        Set<Long> trainees = new LinkedHashSet<>();
        in.where().replyTarget().filter(u -> u.id() != in.user().id()).map(User::id).ifPresent(trainees::add);
        Target target = null;
        LocalDate due = null;
        List<String> unknownNames = new ArrayList<>();
        for (String token : argument.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("@")) {
                people.byUsername(token).ifPresentOrElse(p -> trainees.add(p.id()), () -> unknownNames.add(token));
                continue;
            }
            Optional<LocalDate> date = DueDates.parse(token, today());
            if (date.isPresent()) {
                due = date.get();
                continue;
            }
            Optional<Target> t = target(book, token);
            if (t.isEmpty()) {
                out.send(Reply.html(texts.get("assign.unknown", Html.escape(token))));
                return;
            }
            target = t.get();
        }
        if (!unknownNames.isEmpty()) {
            out.send(Reply.html(texts.get("assign.unknown.names", Html.escape(String.join(" ", unknownNames)))));
            return;
        }
        if (due != null && due.isBefore(today())) {
            out.send(Reply.html(texts.get("assign.past", Labels.day(due))));
            return;
        }
        Draft draft = assignments.newDraft(in.user().id(), in.chatId(), List.copyOf(trainees), clock.instant());
        if (target != null) {
            draft = draft.withTarget(target);
            assignments.saveDraft(draft);
        }
        if (!draft.trainees().isEmpty() && target != null && due != null) {
            create(draft, due, out);
        } else {
            out.send(next(draft));
        }
    }

    /** Buttons whose data starts with {@link #PREFIX}: {@code tm:a:<draft>:<action>[:<value>]}. */
    void onButton(Incoming in, Responder out) {
        String[] parts = in.text().substring(PREFIX.length()).split(":", 3);
        Optional<Draft> found = parts.length >= 2 && parts[0].matches("\\d{1,18}")
                ? assignments.draft(Long.parseLong(parts[0])) : Optional.empty();
        if (found.isEmpty()) {
            out.send(Reply.html(texts.get("assign.expired")));
            return;
        }
        Draft draft = found.get();
        if (draft.supervisorId() != in.user().id()) {
            out.send(Reply.html(texts.get("assign.not.yours")));
            return;
        }
        String value = parts.length == 3 ? parts[2] : "";
        switch (parts[1]) {
            case "p" -> {
                draft = value.matches("-?\\d{1,19}") ? draft.toggle(Long.parseLong(value)) : draft;
                assignments.saveDraft(draft);
                out.replace(picker(draft));
            }
            case "pg" -> {
                draft = draft.onPage(value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0);
                assignments.saveDraft(draft);
                out.replace(picker(draft));
            }
            case "ok" -> out.replace(draft.trainees().isEmpty() ? picker(draft) : next(draft));
            case "s" -> chooseTarget(draft, books.get().scenario(value).map(s -> Target.scenario(s.id())), out);
            case "d" -> chooseTarget(draft, books.get().rubric().flatMap(r -> r.dimension(value))
                    .map(d -> Target.dimension(d.id())), out);
            case "due" -> {
                if (draft.target() == null || draft.trainees().isEmpty() || !value.matches("\\d{1,3}")) {
                    out.replace(next(draft));
                } else {
                    create(draft, today().plusDays(Integer.parseInt(value)), out);
                }
            }
            case "x" -> {
                assignments.deleteDraft(draft.id());
                out.replace(Reply.html(texts.get("assign.cancelled")));
            }
            default -> out.send(Reply.html(texts.get("assign.expired")));
        }
    }

    private void chooseTarget(Draft draft, Optional<Target> target, Responder out) {
        if (target.isEmpty()) {
            out.replace(targets(draft, texts.get("assign.target.gone")));
            return;
        }
        Draft next = draft.withTarget(target.get());
        assignments.saveDraft(next);
        out.replace(next(next));
    }

    /** The step the draft still needs: trainees, then what, then when. */
    private Reply next(Draft draft) {
        if (draft.trainees().isEmpty()) {
            return picker(draft);
        }
        if (draft.target() == null) {
            return targets(draft, "");
        }
        return dueDates(draft);
    }

    private Reply picker(Draft draft) {
        int total = people.count(staff);
        if (total == 0) {
            return Reply.html(texts.get("assign.nobody"));
        }
        int pages = (total + PICKER_PAGE - 1) / PICKER_PAGE;
        int page = Math.min(draft.page(), pages - 1);
        List<List<Button>> rows = new ArrayList<>();
        for (Person p : people.recent(page * PICKER_PAGE, PICKER_PAGE, staff)) {
            boolean picked = draft.trainees().contains(p.id());
            rows.add(List.of(new Button(texts.get(picked ? "assign.picked" : "assign.unpicked", p.displayName()),
                    data(draft, "p", String.valueOf(p.id())))));
        }
        List<Button> nav = new ArrayList<>();
        if (page > 0) {
            nav.add(new Button(texts.get("button.previous"), data(draft, "pg", String.valueOf(page - 1))));
        }
        if (page < pages - 1) {
            nav.add(new Button(texts.get("button.next"), data(draft, "pg", String.valueOf(page + 1))));
        }
        if (!nav.isEmpty()) {
            rows.add(nav);
        }
        rows.add(List.of(new Button(texts.get("assign.done.picking", draft.trainees().size()), data(draft, "ok", "")),
                new Button(texts.get("button.cancel"), data(draft, "x", ""))));
        return Reply.html(texts.get("assign.pick", draft.trainees().size(), page + 1, pages), rows);
    }

    private Reply targets(Draft draft, String note) {
        ScenarioBook book = books.get();
        List<List<Button>> rows = new ArrayList<>();
        for (Scenario s : book.scenarios()) {
            rows.add(List.of(new Button(texts.get("assign.scenario", "★".repeat(s.difficulty()), s.title()),
                    data(draft, "s", s.id()))));
        }
        List<Button> row = new ArrayList<>();
        for (Dimension d : book.rubric().map(r -> r.dimensions()).orElse(List.of())) {
            row.add(new Button(texts.get("assign.dimension", d.name()), data(draft, "d", d.id())));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(List.of(new Button(texts.get("button.cancel"), data(draft, "x", ""))));
        return Reply.html((note.isEmpty() ? "" : note + "\n") + texts.get("assign.what", names(draft)), rows);
    }

    private Reply dueDates(Draft draft) {
        List<Button> row = new ArrayList<>();
        for (int days : DUE_DAYS) {
            row.add(new Button(texts.get("assign.due.button", days, Labels.day(today().plusDays(days))),
                    data(draft, "due", String.valueOf(days))));
        }
        List<List<Button>> rows = new ArrayList<>();
        rows.add(row.subList(0, 2));
        rows.add(row.subList(2, row.size()));
        rows.add(List.of(new Button(texts.get("button.cancel"), data(draft, "x", ""))));
        return Reply.html(texts.get("assign.when", names(draft), labels.target(books.get(), draft.target())), rows);
    }

    private void create(Draft draft, LocalDate due, Responder out) {
        try {
            assigner.assign(draft.supervisorId(), draft.chatId(), draft.trainees(), draft.target(), due);
        } catch (AssignmentRefusedException e) {
            switch (e.reason()) {
                case UNAVAILABLE -> out.replace(Reply.html(texts.get("assign.unavailable")));
                case TARGET_GONE -> out.replace(targets(draft, texts.get("assign.target.gone")));
                case PAST -> out.replace(Reply.html(texts.get("assign.past", Labels.day(due))));
                case NO_TRAINEE, UNKNOWN_TRAINEE -> out.replace(picker(draft));
            }
            return;
        }
        assignments.deleteDraft(draft.id());
        out.replace(Reply.html(texts.get("assign.created", names(draft), labels.target(books.get(), draft.target()),
                Labels.day(due))));
    }

    private String names(Draft draft) {
        List<String> names = draft.trainees().stream()
                .map(id -> people.find(id).map(Person::displayName)
                        .orElse(texts.get("name.unknown", String.valueOf(id))))
                .map(Html::escape).toList();
        return String.join("、", names);
    }

    /** A scenario by id, number in the menu or title; or a dimension by id or name. */
    private static Optional<Target> target(ScenarioBook book, String token) {
        Optional<Scenario> scenario = book.scenario(token)
                .or(() -> book.scenarios().stream().filter(s -> s.title().equals(token)).findFirst());
        if (token.matches("\\d{1,2}")) {
            int n = Integer.parseInt(token);
            scenario = n >= 1 && n <= book.scenarios().size() ? Optional.of(book.scenarios().get(n - 1))
                    : Optional.empty();
        }
        if (scenario.isPresent()) {
            return scenario.map(s -> Target.scenario(s.id()));
        }
        return book.rubric().flatMap(r -> TraineeDesk.findDimension(r, token)).map(Target::dimension);
    }

    private LocalDate today() {
        return assigner.today();
    }

    private static String data(Draft draft, String action, String value) {
        return PREFIX + draft.id() + ":" + action + (value.isEmpty() ? "" : ":" + value);
    }
}
