package org.coachbot.dashboard;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.CallState;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.Utterance;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.team.Certificate;
import org.coachbot.team.Review;
import org.coachbot.team.SqliteAssignments;
import org.coachbot.team.SqlitePeople;
import org.coachbot.team.SqliteTrainingLog;
import org.coachbot.team.Target;
import org.coachbot.team.Team;
import org.coachbot.team.TeamDatabase;
import org.coachbot.team.TeamSettings;
import org.coachbot.testing.RecordingMessenger;
import org.coachbot.testing.TestClock;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The team feature over a SQLite file with a dashboard served as under Telegram (at {@code /dashboard/} on a free
 * port), and a team to look at: 王小明 and 李丽 with calls, drills, a certificate and work due, a trainee whose
 * name and lines are HTML, and {@code extra} generated trainees with seeded scores.
 */
final class DashboardHarness implements AutoCloseable {
    static final String TOKEN = "7000001:dashboard-test-token";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 10 March 2025, 09:00 in Shanghai. */
    static final Instant NOW = ZonedDateTime.of(2025, 3, 10, 9, 0, 0, 0, SHANGHAI).toInstant();
    static final long BOSS = 1;
    static final long WANG = 11;
    static final long LI = 12;
    static final long MALLORY = 13;
    static final String MALLORY_NAME = "<img src=x onerror=alert(1)>";
    static final String MALLORY_LINE = "</li><script>alert(2)</script><b>您好</b>";
    static final String HOTEL = "hotel-no-hot-water";
    final TestClock clock = new TestClock(NOW, SHANGHAI);
    final RecordingMessenger messenger = new RecordingMessenger(clock);
    final ScenarioBook book = Fixtures.book();
    final SqliteSessionStore sessions;
    final TeamDatabase db;
    final SqlitePeople people;
    final SqliteAssignments assignments;
    final SqliteTrainingLog training;
    final Team team;
    final Dashboard dashboard;

    DashboardHarness(Path dataDir, int extra) throws IOException {
        sessions = SqliteSessionStore.open(dataDir);
        db = TeamDatabase.open(dataDir);
        people = new SqlitePeople(db);
        assignments = new SqliteAssignments(db);
        training = new SqliteTrainingLog(db);
        KnowledgeBase knowledge = Fixtures.knowledge();
        KnowledgeState state = new KnowledgeState(knowledge, (q, max) -> List.of(), book, 1, Instant.EPOCH);
        RolePlayDesk rolePlay = new RolePlayDesk(() -> state, sessions, new ScriptedPersona(), clock, () -> 1L,
                RolePlaySettings.DEFAULTS, Meaning.NONE);
        TeamSettings settings = new TeamSettings(SHANGHAI, RolePlaySettings.DEFAULT_PASS_MARK, 3,
                Duration.ofSeconds(30));
        dashboard = Dashboard.forTelegram(new DashboardSettings(
                Optional.of(URI.create("https://coach.example.com/dashboard")), 0, Duration.ofDays(1)),
                TOKEN, Set.of(BOSS), clock);
        team = new Team(people, assignments, training, rolePlay, () -> book, messenger, clock, settings,
                Set.of(BOSS), dataDir.resolve("exports"), dashboard::button);
        seed(extra);
        dashboard.serve(new TeamBoard(team.roster(), new SqliteSessionArchive(db), training, assignments, people,
                team.assigner(), () -> book, settings, clock));
    }

    private void seed(int extra) {
        people.saw(BOSS, "王主管", "boss", true, NOW);
        people.saw(WANG, "王小明", "xiaowang", true, NOW);
        people.saw(LI, "李丽", "xiaoli", true, NOW);
        people.saw(MALLORY, MALLORY_NAME, "", true, NOW);
        finish(WANG, HOTEL, "", 92, 88, List.of(line(false, "我洗澡没有热水!"), line(true, "非常抱歉,我马上派人来修")),
                NOW.minus(Duration.ofDays(20)));
        finish(WANG, HOTEL, "", 86, 74, List.of(line(false, "还是没有热水"), line(true, "您别着急,我今天一定修好")),
                NOW.minus(Duration.ofDays(2)));
        finish(WANG, HOTEL, "empathy", 70, 70, List.of(line(true, "我理解您的心情")), NOW.minus(Duration.ofDays(1)));
        finish(LI, HOTEL, "", 55, 40, List.of(line(false, "怎么回事?"), line(true, "不知道")),
                NOW.minus(Duration.ofDays(3)));
        finish(MALLORY, HOTEL, "", 60, 50, List.of(line(false, "请问有什么可以帮您"), line(true, MALLORY_LINE)),
                NOW.minus(Duration.ofDays(4)));
        training.addCertificate(new Certificate(WANG, 1, NOW.minus(Duration.ofDays(2)), Map.of(HOTEL, 92), null));
        training.saveReview(new Review(WANG, "empathy", 1, 0, NOW.plus(Duration.ofDays(2)), 70));
        // Given three days ago, due the day after: overdue now.
        clock.set(NOW.minus(Duration.ofDays(3)));
        team.assigner().assign(BOSS, BOSS, List.of(LI), Target.scenario(HOTEL),
                NOW.atZone(SHANGHAI).toLocalDate().minusDays(2));
        clock.set(NOW);
        // The generated trainees practise over twelve weeks, a little better each week, each dimension with a bias
        // of its own, so the trends have something to show.
        Random random = new Random(7);
        List<Dimension> dimensions = book.rubric().orElseThrow().dimensions();
        int[] bias = {8, -14, 4, -6, 0, -9};
        for (int i = 0; i < extra; i++) {
            long id = 1000 + i;
            people.saw(id, "学员" + String.format("%03d", i), "trainee" + i, true, NOW);
            int skill = 55 + random.nextInt(30);
            for (int n = random.nextInt(8); n > 0; n--) {
                int hoursAgo = 1 + random.nextInt(24 * 7 * 12);
                int progress = 12 - hoursAgo / (24 * 7);
                Map<String, Integer> scores = new LinkedHashMap<>();
                for (int d = 0; d < dimensions.size(); d++) {
                    scores.put(dimensions.get(d).id(), Math.max(0, Math.min(100,
                            skill + bias[d % bias.length] + progress + random.nextInt(15) - 7)));
                }
                int total = (int) Math.round(scores.values().stream().mapToInt(Integer::intValue).average()
                        .orElse(0));
                finish(id, HOTEL, "", total, scores, List.of(line(true, "您好,请问有什么可以帮您?")),
                        NOW.minus(Duration.ofHours(hoursAgo)));
            }
        }
    }

    /** Records a finished session: {@code empathy} scored as given, every other dimension at {@code total}. */
    void finish(long user, String scenario, String drill, int total, int empathy, List<Utterance> lines, Instant at) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        book.rubric().orElseThrow().dimensions().forEach(d -> scores.put(d.id(),
                d.id().equals("empathy") ? empathy : total));
        finish(user, scenario, drill, total, scores, lines, at);
    }

    void finish(long user, String scenario, String drill, int total, Map<String, Integer> byDimension,
                List<Utterance> lines, Instant at) {
        Session s = new Session(user, user, scenario, 1L, 0, new CallState(3, List.of(), List.of(), 1), false,
                lines, List.of(), 0, at.minus(Duration.ofMinutes(6)), at,
                drill.isEmpty() ? Drill.NONE : new Drill(drill, 3));
        List<Scorecard.DimensionScore> scores = new ArrayList<>();
        for (Dimension d : book.rubric().orElseThrow().dimensions()) {
            scores.add(new Scorecard.DimensionScore(d.id(), d.name(), byDimension.get(d.id())));
        }
        sessions.finish(s, new Scorecard(scenario, drill.isEmpty() ? Outcome.SUCCESS : Outcome.DRILL_DONE, total,
                true, scores, List.of(), List.of(), List.of(), lines.size(), 0), at);
    }

    private static Utterance line(boolean trainee, String text) {
        return new Utterance(trainee ? Utterance.Speaker.TRAINEE : Utterance.Speaker.CUSTOMER, text);
    }

    /** initData for this user as Telegram would sign it with the bot's token now. */
    String initData(long userId, String firstName) {
        return initData(TOKEN, userId, firstName, clock.instant());
    }

    static String initData(String token, long userId, String firstName, Instant signedAt) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAH" + userId);
        fields.put("user", "{\"id\":" + userId + ",\"first_name\":\"" + firstName + "\",\"language_code\":\"zh\"}");
        fields.put("auth_date", String.valueOf(signedAt.getEpochSecond()));
        return new InitDataVerifier(token, Duration.ofDays(1), Clock.systemUTC()).sign(fields);
    }

    /** The root the proxy would forward WEBAPP_URL to. */
    String base() {
        return "http://127.0.0.1:" + dashboard.port() + "/dashboard/";
    }

    /** The address a Telegram client opens: the page with its launch parameters in the fragment. */
    String launch(String initData, String themeJson) {
        return base() + "#tgWebAppData=" + encode(initData) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android"
                + "&tgWebAppThemeParams=" + encode(themeJson);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        dashboard.close();
        team.scheduler().close();
        db.close();
        sessions.close();
    }
}
