package org.coachbot.team;

import org.coachbot.chat.Access;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.library.KnowledgeState;
import org.coachbot.retrieval.Hit;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.RolePlayFeature;
import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.testing.RecordingMessenger;
import org.coachbot.testing.RecordingResponder;
import org.coachbot.testing.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The team feature with role-play on the real scenarios and a SQLite file, wired like the bot, behind a router;
 * {@link #restart()} closes everything and opens it again on the same file, as a restarted bot would.
 */
final class TeamHarness implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final User BOSS = new User(1, "王主管", "boss", false, true);
    static final User WANG = new User(11, "王小明", "xiaowang", false, false);
    static final User LI = new User(12, "李丽", "xiaoli", false, false);
    static final long GROUP = -1001;
    final TestClock clock;
    final RecordingMessenger messenger;
    private final Path dataDir;
    private final ScenarioBook book = Fixtures.book();
    private final KnowledgeBase knowledge = Fixtures.knowledge();
    private final AtomicLong seeds = new AtomicLong(100);
    SqliteSessionStore sessions;
    TeamDatabase db;
    SqlitePeople people;
    SqliteAssignments assignments;
    SqliteTrainingLog training;
    RolePlayDesk rolePlay;
    Team team;
    CommandRouter router;

    TeamHarness(Path dataDir, TestClock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.messenger = new RecordingMessenger(clock);
        open();
    }

    TeamSettings settings() {
        return new TeamSettings(SHANGHAI, RolePlaySettings.DEFAULT_PASS_MARK, 3, Duration.ofSeconds(30));
    }

    private void open() {
        sessions = SqliteSessionStore.open(dataDir);
        db = TeamDatabase.open(dataDir);
        people = new SqlitePeople(db);
        assignments = new SqliteAssignments(db);
        training = new SqliteTrainingLog(db);
        Team[] holder = new Team[1];
        PracticeRecorder recorder = new PracticeRecorder(people, assignments, training, () -> book, settings(),
                () -> holder[0].scheduler().poke());
        KnowledgeState state = new KnowledgeState(knowledge, (q, max) -> knowledge.section("silent-customer#诱导法")
                .map(s -> List.of(new Hit(s, 1.0))).orElseThrow(), book, 1, Instant.EPOCH);
        rolePlay = new RolePlayDesk(() -> state, new ObservedSessionStore(sessions, recorder), new ScriptedPersona(),
                clock, seeds::incrementAndGet,
                RolePlaySettings.DEFAULTS, Meaning.NONE);
        team = new Team(people, assignments, training, rolePlay, () -> book, messenger, clock, settings(),
                Set.of(BOSS.id()), dataDir.resolve("exports"));
        holder[0] = team;
        TeamDesk supervisors = team.supervisors();
        TraineeDesk trainees = team.trainees();
        router = new CommandRouter(List.of(
                Feature.named("tips").plainText((in, out) -> out.send(Reply.html("tip"))).build(),
                RolePlayFeature.of(rolePlay), team.feature()));
    }

    void restart() {
        close();
        open();
    }

    /** A message in the user's private chat. */
    RecordingResponder say(User user, String text) {
        RecordingResponder out = new RecordingResponder();
        router.handle(Incoming.text(user, user.id(), text), out);
        return out;
    }

    RecordingResponder press(User user, long chat, String data) {
        RecordingResponder out = new RecordingResponder();
        router.handle(Incoming.button(user, chat, data), out);
        return out;
    }

    /** A message in the team group; {@code addressed} when it is a command for the bot, a mention or a reply to it. */
    RecordingResponder inGroup(User user, String text, boolean addressed, User repliedTo) {
        RecordingResponder out = new RecordingResponder();
        router.handle(Incoming.text(user, GROUP, text).at(Incoming.Where.group(addressed, repliedTo)), out);
        return out;
    }

    @Override
    public void close() {
        team.scheduler().close();
        db.close();
        sessions.close();
    }
}
