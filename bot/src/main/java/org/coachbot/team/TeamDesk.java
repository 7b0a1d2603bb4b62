package org.coachbot.team;

import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTError;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The supervisor's side of team coaching as the chat router sees it: {@code /team}, {@code /team export},
 * {@code /assign} and their {@code tm:} buttons; and the listener that remembers everyone's Telegram name.
 */
public final class TeamDesk {
    /** Callback data of every button of the team feature starts with this. */
    public static final String BUTTON_PREFIX = "tm:";
    private static final Logger log = LoggerFactory.getLogger(TeamDesk.class);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final People people;
    private final TeamReport report;
    private final TeamExport export;
    private final AssignDesk assign;
    private final Clock clock;
    private final TeamSettings settings;
    private final Texts texts;

    TeamDesk(People people, TeamReport report, TeamExport export, AssignDesk assign, Clock clock,
             TeamSettings settings, Texts texts) {
        this.people = people;
        this.report = report;
        this.export = export;
        this.assign = assign;
        this.clock = clock;
        this.settings = settings;
        this.texts = texts;
    }

    /**
     * Sees every message: remembers the sender's name and @username (and that they opened the private chat, when
     * they wrote there), and those of the person replied to.
     */
    public void saw(Incoming in) {
        remember(in.user(), !in.inGroup());
        in.where().replyTarget().ifPresent(u -> remember(u, false));
    }

    private void remember(User user, boolean privately) {
        people.saw(user.id(), user.name(), user.username(), privately, clock.instant());
    }

    /** {@code /team [page]} or {@code /team export}. */
    public void team(Incoming in, String argument, Responder out) {
        String arg = argument.strip();
        if (arg.equalsIgnoreCase("export") || arg.equals("导出") || arg.equalsIgnoreCase("csv")) {
            export(out);
            return;
        }
        if (!arg.isEmpty() && !arg.matches("\\d{1,4}")) {
            out.send(Reply.html(texts.get("team.usage")));
            return;
        }
        Roster roster = report.roster();
        out.send(report.page(roster, arg.isEmpty() ? 0 : Integer.parseInt(arg) - 1));
        if (roster.averages().isEmpty()) {
            return;
        }
        try {
            out.send(Reply.image(report.chart(roster), texts.get("chart.caption")));
        } catch (RuntimeException | LinkageError | AWTError e) {
            // The text already carries every trainee's numbers; a machine without fonts only loses the picture.
            log.warn("team chart rendering failed; the text report stands alone", e);
        }
    }

    private void export(Responder out) {
        try {
            TeamExport.Written written = export.write();
            String name = texts.get("csv.file", FILE_DAY.format(clock.instant().atZone(settings.zone())));
            out.send(Reply.file(written.file(), name, texts.get("csv.caption", written.rows())));
        } catch (IOException e) {
            log.error("cannot write the team export", e);
            out.send(Reply.html(texts.get("csv.failed")));
        }
    }

    /** {@code /assign …}. */
    public void assign(Incoming in, String argument, Responder out) {
        assign.assign(in, argument, out);
    }

    /** Supervisor buttons: data starts with {@link #BUTTON_PREFIX}, but not with {@link TraineeDesk#DRILL}. */
    public void onButton(Incoming in, Responder out) {
        String data = in.text();
        if (data.startsWith(AssignDesk.PREFIX)) {
            assign.onButton(in, out);
        } else if (data.equals(TeamReport.EXPORT)) {
            export(out);
        } else if (data.startsWith(TeamReport.PAGE) && data.substring(TeamReport.PAGE.length()).matches("\\d{1,4}")) {
            out.replace(report.page(report.roster(), Integer.parseInt(data.substring(TeamReport.PAGE.length()))));
        } else {
            out.send(Reply.html(texts.get("button.stale")));
        }
    }
}
