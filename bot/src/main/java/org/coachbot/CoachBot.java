package org.coachbot;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.admin.KnowledgeChanges;
import org.coachbot.admin.KnowledgeDesk;
import org.coachbot.admin.KnowledgeFeature;
import org.coachbot.chat.Button;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Feature;
import org.coachbot.chat.FrontEndPort;
import org.coachbot.chat.Html;
import org.coachbot.chat.Notifier;
import org.coachbot.chat.Reply;
import org.coachbot.config.AccessConfig;
import org.coachbot.config.BotConfig;
import org.coachbot.config.DataConfig;
import org.coachbot.config.InsightsConfig;
import org.coachbot.config.KnowledgeConfig;
import org.coachbot.config.RolePlayConfig;
import org.coachbot.config.TeamConfig;
import org.coachbot.config.TipsConfig;
import org.coachbot.dashboard.Dashboard;
import org.coachbot.dashboard.SqliteSessionArchive;
import org.coachbot.dashboard.TeamBoard;
import org.coachbot.insights.InsightsDesk;
import org.coachbot.insights.InsightsFeature;
import org.coachbot.insights.MeaningGroups;
import org.coachbot.insights.SqliteQuestionLog;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.KnowledgeState;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.llm.ChatModels;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.RolePlayDesk;
import org.coachbot.roleplay.RolePlayFeature;
import org.coachbot.roleplay.RolePlaySettings;
import org.coachbot.roleplay.SqliteSessionStore;
import org.coachbot.roleplay.engine.EmbeddingMeaning;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.persona.LlmPersona;
import org.coachbot.roleplay.view.ChartFonts;
import org.coachbot.roleplay.view.Charts;
import org.coachbot.safety.DangerCheck;
import org.coachbot.safety.DangerEmbeddings;
import org.coachbot.safety.DangerSignals;
import org.coachbot.team.InlineTips;
import org.coachbot.team.ObservedSessionStore;
import org.coachbot.team.PracticeRecorder;
import org.coachbot.team.ShortTips;
import org.coachbot.team.SqliteAssignments;
import org.coachbot.team.SqlitePeople;
import org.coachbot.team.SqliteTrainingLog;
import org.coachbot.team.StaffAlert;
import org.coachbot.team.Team;
import org.coachbot.team.TeamDatabase;
import org.coachbot.team.TeamSettings;
import org.coachbot.tips.TipService;
import org.coachbot.tips.TipsFeature;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/** All the wiring in one place: builds every part from the configuration and connects them by hand. */
final class CoachBot implements AutoCloseable {
    private final BotConfig config;
    private final Clock clock;
    private final LiveKnowledge knowledge;
    private final KnowledgeChanges changes;
    /** What the admins must hear about an interrupted knowledge change or an upgrade; told once a front end is up. */
    private final Optional<String> recovery;
    private final SqliteSessionStore store;
    private final SqliteQuestionLog questions;
    private final EmbeddingModel embeddings;
    private final ExecutorService llmCalls;
    private final Optional<ChatModel> model;
    private final DangerCheck dangers;
    private final RolePlayDesk rolePlay;
    private final EmbeddingMeaning meaning;
    private final TeamDatabase teamDb;
    private final SqlitePeople people;
    private final SqliteAssignments assignments;
    private final SqliteTrainingLog training;
    private final SqliteSessionArchive archive;
    private final TeamSettings teamSettings;
    /** Runs inline lookups, so one that misses Telegram's deadline can be abandoned. */
    private final ExecutorService inlineCalls = Executors.newFixedThreadPool(2, daemon("inline"));
    /** Created before the features, which send through it; the front end plugs in once built around the router. */
    private final FrontEndPort port = new FrontEndPort();
    /** Set once in the constructor; the role-play recorder that pokes its scheduler is built before it. */
    private volatile Team team;
    private final CommandRouter router;
    private volatile Dashboard dashboard;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** How long closing waits for an interrupted warm-up to save what it embedded (one batch, then the file). */
    private static final Duration WARM_UP_JOIN = Duration.ofSeconds(5);
    private final List<Thread> warmUps = new ArrayList<>();

    CoachBot(BotConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock the time every part reads: reminders, due dates, sessions, knowledge versions; fixed in tests */
    CoachBot(BotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // First, so an empty or corrupt database stops the bot before seconds go into loading the model.
        Path data = config.get(DataConfig.DIR);
        this.store = SqliteSessionStore.open(data);
        this.teamDb = TeamDatabase.open(data);
        this.people = new SqlitePeople(teamDb);
        this.assignments = new SqliteAssignments(teamDb);
        this.training = new SqliteTrainingLog(teamDb);
        this.archive = new SqliteSessionArchive(teamDb);
        this.teamSettings = new TeamSettings(config.get(InsightsConfig.TIME_ZONE), config.get(RolePlayConfig.PASS_MARK),
                config.get(TeamConfig.DRILL_TURNS), config.get(TeamConfig.CHECK_INTERVAL));
        // The jar's CJK font, so charts have Chinese labels on a server with no CJK font installed.
        ChartFonts.registerBundled();
        // One model instance serves retrieval and role-play: loading it twice would double its memory.
        this.embeddings = RetrievalIndex.defaultEmbeddingModel();
        this.knowledge = new LiveKnowledge(new RetrievalIndex(embeddings, data),
                new KnowledgeLoader(config.knowledgeLimits()), clock);
        // The knowledge in service lives with the data, so a new image or release never replaces the admins' edits;
        // the release's knowledge only seeds it and is merged into it.
        this.changes = new KnowledgeChanges(knowledge, data.resolve("knowledge"), data, clock);
        try (ShippedKnowledge shipped = ShippedKnowledge.locate(config.get(KnowledgeConfig.DIR))) {
            this.recovery = changes.start(shipped, IndexProgress.NONE);
        }
        // Opened after the session store, whose finished_session table /stats reads.
        this.questions = SqliteQuestionLog.open(data, config.get(InsightsConfig.RETENTION), clock);
        // Example phrases keep their vectors in DATA_DIR like sections do, so a restart does not embed them again.
        this.meaning = new EmbeddingMeaning(embeddings, EmbeddingCache.open(data,
                RetrievalIndex.modelKey(embeddings) + "-phrases"));
        this.model = ChatModels.fromSettings(config.llm());
        // Bounded: a hanging provider holds at most this many threads, and further calls fall back at once.
        this.llmCalls = TimedChat.pool(config.llm().maxConcurrentCalls());
        // Callers in danger are recognised with the same model; its example questions keep their vectors too.
        this.dangers = new DangerEmbeddings(embeddings, EmbeddingCache.open(data,
                RetrievalIndex.modelKey(embeddings) + "-safety")).detector(DangerSignals.load(),
                DangerSignals.ordinary(knowledge.get().knowledge()));
        // Finished sessions reach the team feature through the store, so role-play knows nothing of it.
        PracticeRecorder recorder = new PracticeRecorder(people, assignments, training, () -> knowledge.get().book(),
                teamSettings, () -> {
                    Team t = team;
                    if (t != null) {
                        t.scheduler().poke();
                    }
                });
        this.rolePlay = new RolePlayDesk(knowledge, new ObservedSessionStore(store, recorder),
                LlmPersona.orScripted(model, llmCalls, config.llm().rolePlayTimeout()), clock,
                new SecureRandom()::nextLong,
                new RolePlaySettings(config.get(RolePlayConfig.IDLE), RolePlayEngine.DEFAULT_MAX_TURNS, 10,
                        config.get(RolePlayConfig.PASS_MARK)),
                meaning);
        this.team = new Team(people, assignments, training, rolePlay, () -> knowledge.get().book(), port,
                clock, teamSettings, staff(), data.resolve("exports"), this::dashboardButton);
        this.router = new CommandRouter(features());
    }

    /** Every feature, in the order {@code /help} lists their commands. */
    private List<Feature> features() {
        TipService tips = new TipService(knowledge, questions, model.map(m -> new TimedChat(m, llmCalls)),
                config.llm().tipTimeout(), config.get(TipsConfig.MAX_CHARS), clock, dangers,
                new StaffAlert(config.get(AccessConfig.SUPERVISOR_IDS), config.get(AccessConfig.ADMIN_IDS), people,
                        port));
        // Inline answers are extractive only: a language model could not answer within Telegram's time limit.
        ShortTips glances = (question, max) -> tips.glances(question, max).stream()
                .map(g -> new ShortTips.Tip(g.key(), g.title(), g.firstLine(), g.html())).toList();
        InlineTips inline = new InlineTips(glances, inlineCalls, InlineTips.DEADLINE);
        KnowledgeDesk desk = new KnowledgeDesk(changes, port, clock);
        // /gaps groups questions with the model retrieval already loaded: a second copy would double its memory.
        InsightsDesk insights = new InsightsDesk(questions, embeddings, new MeaningGroups(), clock,
                config.get(InsightsConfig.TIME_ZONE));
        return List.of(TipsFeature.of(tips, inline::answer), RolePlayFeature.of(rolePlay), team.feature(),
                new KnowledgeFeature(desk, changes, port, config.get(KnowledgeConfig.RELOAD_DEBOUNCE)).feature(),
                InsightsFeature.of(insights));
    }

    /** The button under {@code /team} that opens the team dashboard, once one is served. */
    private Optional<Button> dashboardButton() {
        Dashboard d = dashboard;
        return d == null ? Optional.empty() : d.button();
    }

    /** The chat core with every feature; the same for Telegram, the console and tests. */
    CommandRouter router() {
        return router;
    }

    /** Where the features send what they start themselves; a front end connects to it before {@link #start}. */
    FrontEndPort port() {
        return port;
    }

    /**
     * Starts what runs in the background: each feature's own (the knowledge folder watcher, the team scheduler) and
     * the {@link #warmUp}. Call once a front end is connected to the {@link #port}.
     */
    void start() {
        for (Feature f : router.features()) {
            f.start();
        }
        warmUp();
    }

    /** Loads in the background what the first chart and the first role-play turns would otherwise wait for. */
    void warmUp() {
        // The first chart pays for font and class loading; do it before a trainee waits for one.
        background(daemon("chart-warm-up").newThread(Charts::warmUp));
        // Embedding every example phrase takes a few seconds; done in the background, the first turns only wait
        // for the phrases they need.
        background(daemon("phrase-warm-up").newThread(() -> {
            meaning.warm(knowledge.get().book().phrases());
            if (!Thread.currentThread().isInterrupted()) {
                knowledge.get().book().rubric().ifPresent(meaning::prepare);
            }
        }));
    }

    private void background(Thread warmUp) {
        synchronized (warmUps) {
            warmUps.add(warmUp);
        }
        warmUp.start();
    }

    /** Sends the reminders, assignments and certificates due now, without waiting for the scheduler's timer. */
    void sendDueTeamMessages() {
        team.scheduler().tick();
    }

    /** Chats on the console until the input ends. */
    int runConsole(BufferedReader in, PrintStream out) throws IOException {
        return new FrontEnds(this, config, clock).console(in, out);
    }

    /** Serves Telegram until stopped; 0 after SIGTERM or SIGINT, 1 when the bot cannot go on. */
    int runTelegram(PrintStream out) throws InterruptedException {
        return new FrontEnds(this, config, clock).telegram(out);
    }

    /** The team dashboard the front end serves: its button goes under {@code /team}, and it closes with the bot. */
    void useDashboard(Dashboard served) {
        this.dashboard = served;
    }

    /** Supervisors and administrators: they see the team and may open the dashboard. */
    Set<Long> staff() {
        Set<Long> staff = new HashSet<>(config.get(AccessConfig.ADMIN_IDS));
        staff.addAll(config.get(AccessConfig.SUPERVISOR_IDS));
        return staff;
    }

    /** The dashboard's view of the team. */
    TeamBoard teamBoard() {
        return new TeamBoard(team.roster(), archive, training, assignments, people, team.assigner(),
                () -> knowledge.get().book(), teamSettings, clock);
    }

    /** Tells the admins how a knowledge change that a crash interrupted ended: completed or dropped. */
    void announceRecovery(Notifier admins) {
        recovery.ifPresent(notice -> admins.notifyAdmins(Reply.html(Html.escape(notice))));
    }

    String startLine(String mode) {
        KnowledgeState state = knowledge.get();
        return "coach-bot 已启动 | 模式: " + mode + " | 知识库: " + state.knowledge().fileCount() + " 个文件 / "
                + state.knowledge().sections().size() + " 个小节 | 练习场景: " + state.book().scenarios().size()
                + " 个 | 版本: v" + state.version() + " | LLM: " + config.llm().provider().name().toLowerCase()
                + (state.knowledge().problems().isEmpty() && state.book().problems().isEmpty() ? ""
                : " | 有问题的文件: " + (state.knowledge().problems().size() + state.book().problems().size()));
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        List<Feature> features = router.features();
        for (int i = features.size() - 1; i >= 0; i--) {
            features.get(i).stop();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        // A warm-up still embedding phrases writes their vectors into DATA_DIR; the stores close after it has.
        synchronized (warmUps) {
            for (Thread t : warmUps) {
                t.interrupt();
                try {
                    t.join(WARM_UP_JOIN.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        llmCalls.shutdownNow();
        inlineCalls.shutdownNow();
        teamDb.close();
        questions.close();
        store.close();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
