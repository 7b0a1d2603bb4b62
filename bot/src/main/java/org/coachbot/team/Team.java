package org.coachbot.team;

import org.coachbot.chat.Messenger;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.nio.file.Path;
import java.time.Clock;
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

    /**
     * @param staff      supervisors and administrators: left out of the team report and the trainee picker
     * @param exportDir  where {@code /team export} writes its files
     * @param messenger  sends what the bot starts itself (assignments, reminders, certificates)
     */
    public Team(People people, Assignments assignments, TrainingLog training, RolePlayDesk rolePlay,
                Supplier<ScenarioBook> books, Messenger messenger, Clock clock, TeamSettings settings,
                Set<Long> staff, Path exportDir) {
        Texts texts = Texts.of("team");
        DrillPicker picker = new DrillPicker(training, clock);
        Notices notices = new Notices(books, people, settings, texts);
        this.scheduler = new Scheduler(people, assignments, training, notices, picker, books, messenger, clock,
                settings);
        this.trainees = new TraineeDesk(rolePlay, books, people, assignments, training, picker, clock, settings, texts);
        this.supervisors = new TeamDesk(people,
                new TeamReport(people, assignments, training, books, clock, settings, staff, texts),
                new TeamExport(people, training, books, clock, settings, exportDir, texts),
                new AssignDesk(people, assignments, books, clock, settings, staff, texts, scheduler::poke),
                trainees, clock, settings, texts);
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
}
