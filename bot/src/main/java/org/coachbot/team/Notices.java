package org.coachbot.team;

import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Reply;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The messages the bot starts itself: an assignment, its notice in a group, a certificate, a daily reminder. */
final class Notices {
    /** Assignments a reminder lists with their own start button. */
    static final int REMINDER_ASSIGNMENTS = 3;
    private final Supplier<ScenarioBook> books;
    private final People people;
    private final TeamSettings settings;
    private final Texts texts;
    private final Labels labels;

    Notices(Supplier<ScenarioBook> books, People people, TeamSettings settings, Texts texts) {
        this.books = books;
        this.people = people;
        this.settings = settings;
        this.texts = texts;
        this.labels = new Labels(texts);
    }

    /** The data of the button that starts what an assignment asks for, in the private chat. */
    static String startData(Target target) {
        return switch (target.kind()) {
            case SCENARIO -> RolePlayDesk.startButtonData(target.id());
            case DIMENSION -> TraineeDesk.DRILL + target.id();
        };
    }

    /** The {@code /start} payload that opens the private chat straight into what an assignment asks for. */
    static String deepLink(Target target) {
        return switch (target.kind()) {
            case SCENARIO -> RolePlayDesk.DEEP_LINK + target.id();
            case DIMENSION -> TraineeDesk.DRILL_LINK + target.id();
        };
    }

    /** The trainee's message about a new assignment, with a button that starts it. */
    Reply assignment(Assignment a) {
        String from = people.find(a.supervisorId()).map(Person::name).orElse(texts.get("someone"));
        return Reply.html(texts.get("notice.assignment", Html.escape(from), labels.target(books.get(), a.target()),
                Labels.day(a.dueDate())), List.of(List.of(new Button(texts.get("button.start"),
                startData(a.target())))));
    }

    /**
     * The notice in the group it was assigned in, for a trainee the bot cannot write to privately (they never
     * opened the private chat): it names the task, never a score or a line.
     */
    Reply groupNotice(Assignment a) {
        String who = people.find(a.traineeId()).map(p -> p.username().isEmpty() ? Html.bold(p.name())
                : "@" + Html.escape(p.username())).orElse(texts.get("someone"));
        return Reply.html(texts.get("notice.group", who, labels.target(books.get(), a.target()),
                Labels.day(a.dueDate())), List.of(List.of(Button.privateStart(texts.get("button.private"),
                deepLink(a.target())))));
    }

    /** Tells the supervisor that a trainee could not be told about an assignment, and what the trainee must do. */
    Reply unreachable(Assignment a) {
        String who = people.find(a.traineeId()).map(Person::displayName).orElse(texts.get("someone"));
        return Reply.html(texts.get("notice.unreachable", Html.escape(who), labels.target(books.get(), a.target())));
    }

    /** The certificate as an image with its caption; empty when the image cannot be drawn on this machine. */
    Reply certificate(Certificate c, byte[] png) {
        return Reply.image(png, texts.get("certificate.caption", labels.level(c.level()), settings.passMark()));
    }

    /** The certificate's image. */
    byte[] certificateImage(Certificate c) {
        ScenarioBook book = books.get();
        String name = people.find(c.userId()).map(Person::name).orElse(texts.get("someone"));
        List<CertificateImage.Line> lines = c.scores().entrySet().stream()
                .map(e -> new CertificateImage.Line(Labels.scenario(book, e.getKey()),
                        texts.get("certificate.score", e.getValue())))
                .toList();
        LocalDate day = c.earnedAt().atZone(settings.zone()).toLocalDate();
        return CertificateImage.render(texts.get("certificate.heading"),
                texts.get("certificate.subtitle", labels.level(c.level())), name,
                texts.get("certificate.statement", labels.level(c.level()), settings.passMark()), lines,
                texts.get("certificate.footer", String.valueOf(day.getYear()), day.getMonthValue(),
                        day.getDayOfMonth()),
                texts.get("certificate.more", lines.size() - CertificateImage.MAX_LINES));
    }

    /**
     * The daily reminder: the dimensions due for a drill, the open assignments, or, when nothing is due, a
     * suggestion to practise the weakest dimension.
     */
    Reply reminder(List<Review> due, List<Assignment> open, Optional<String> weakest, Instant now) {
        ScenarioBook book = books.get();
        StringBuilder html = new StringBuilder(texts.get("reminder.title"));
        List<List<Button>> buttons = new ArrayList<>();
        for (Review r : due) {
            html.append('\n').append(texts.get("reminder.review", Html.escape(Labels.dimension(book, r.dimension())),
                    r.lastScore(), settings.passMark()));
        }
        if (!due.isEmpty()) {
            buttons.add(List.of(new Button(texts.get("button.drill", Labels.dimension(book, due.get(0).dimension())),
                    TraineeDesk.DRILL + due.get(0).dimension())));
        }
        for (Assignment a : open.stream().limit(REMINDER_ASSIGNMENTS).toList()) {
            html.append('\n').append(texts.get(a.status(now) == Assignment.Status.OVERDUE ? "reminder.overdue"
                    : "reminder.assignment", labels.target(book, a.target()), Labels.day(a.dueDate())));
            buttons.add(List.of(new Button(texts.get("button.start.target", Html.toPlain(labels.target(book,
                    a.target()))), startData(a.target()))));
        }
        if (due.isEmpty() && open.isEmpty()) {
            html.append('\n').append(weakest.map(d -> texts.get("reminder.weakest",
                    Html.escape(Labels.dimension(book, d)))).orElse(texts.get("reminder.first")));
            buttons.add(List.of(weakest.isPresent()
                    ? new Button(texts.get("button.drill", Labels.dimension(book, weakest.get())),
                    TraineeDesk.DRILL + weakest.get())
                    : new Button(texts.get("button.roleplay"), RolePlayDesk.startButtonData(""))));
        }
        html.append("\n\n").append(texts.get("reminder.footer"));
        return Reply.html(html.toString(), buttons);
    }
}
