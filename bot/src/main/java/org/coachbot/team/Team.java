package org.coachbot.team;

import org.coachbot.chat.Access;
import org.coachbot.chat.Button;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Messenger;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The team feature put together: the supervisor's desk, the trainee's desk and the scheduler, over the stores
 * given. Session results reach it through a {@link PracticeRecorder} on an {@link ObservedSessionStore}.
 */
public final class Team {
    private final TeamDesk supervisors;
    private final TraineeDesk trainees;
    private final Scheduler scheduler;
    private final TeamRoster roster;
    private final Assigner assigner;

    /** The team feature without a dashboard. */
    public Team(People people, Assignments assignments, TrainingLog training, RolePlayDesk rolePlay,
                Supplier<ScenarioBook> books, Messenger messenger, Clock clock, TeamSettings settings,
                Set<Long> staff, Path exportDir) {
        this(people, assignments, training, rolePlay, books, messenger, clock, settings, staff, exportDir,
                Optional::empty);
    }

    /**
     * @param staff      supervisors and administrators: left out of the team report and the trainee picker
     * @param exportDir  where {@code /team export} writes its files
     * @param messenger  sends what the bot starts itself (assignments, reminders, certificates)
     * @param dashboard  the button under {@code /team} that opens the team dashboard, when one is served
     */
    public Team(People people, Assignments assignments, TrainingLog training, RolePlayDesk rolePlay,
                Supplier<ScenarioBook> books, Messenger messenger, Clock clock, TeamSettings settings,
                Set<Long> staff, Path exportDir, Supplier<Optional<Button>> dashboard) {
        Texts texts = Texts.of("team");
        DrillPicker picker = new DrillPicker(training, clock);
        Notices notices = new Notices(books, people, settings, texts);
        this.scheduler = new Scheduler(people, assignments, training, notices, picker, books, messenger, clock,
                settings);
        this.trainees = new TraineeDesk(rolePlay, books, people, assignments, training, picker, clock, settings, texts);
        this.roster = new TeamRoster(people, assignments, training, books, clock, settings, staff, texts);
        this.assigner = new Assigner(people, assignments, books, clock, settings, scheduler::poke);
        this.supervisors = new TeamDesk(people, new TeamReport(roster, books, settings, texts, dashboard),
                new TeamExport(people, training, books, clock, settings, exportDir, texts),
                new AssignDesk(people, assignments, books, clock, staff, texts, assigner),
                clock, settings, texts);
    }

    /**
     * What the team offers in the chat: the trainee's {@code /progress}, {@code /drill} and {@code /remind}, the
     * supervisor's {@code /team} and {@code /assign}, their buttons, and the scheduler that sends reminders,
     * assignments and certificates while the bot runs.
     */
    public Feature feature() {
        return Feature.named("team")
                .listener(supervisors::saw)
                .privateCommand("progress", Access.TRAINEE, trainees::progress)
                .privateCommand("drill", Access.TRAINEE, trainees::drill)
                .privateCommand("remind", Access.TRAINEE, trainees::remind)
                .privateCommand("team", Access.SUPERVISOR, supervisors::team)
                .command("assign", Access.SUPERVISOR, supervisors::assign)
                .deepLink(TraineeDesk.DRILL_LINK, trainees::drillLink)
                .buttons(TraineeDesk.DRILL, Access.TRAINEE, trainees::onButton)
                .buttons(TeamDesk.BUTTON_PREFIX, Access.SUPERVISOR, supervisors::onButton)
                .lifecycle(scheduler::start, scheduler::close)
                .build();
    }

    public TeamDesk supervisors() {
        return supervisors;
    }

    public TraineeDesk trainees() {
        return trainees;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The team as {@code /team} sees it, for other views of it such as the dashboard. */
    public TeamRoster roster() {
        return roster;
    }

    /** Makes assignments under the rules of {@code /assign}. */
    public Assigner assigner() {
        return assigner;
    }
}
