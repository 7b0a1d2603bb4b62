package org.coachbot.roleplay;

import org.coachbot.chat.Button;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.KeyedLocks;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.engine.CustomerPersona;
import org.coachbot.roleplay.engine.Drill;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.text.Texts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The role-play feature as the chat router sees it: {@code /roleplay}, plain text during a session, {@code /hint},
 * {@code /end}, {@code /progress} and the {@code rp:} buttons. Sessions live in the {@link SessionStore}, so the
 * desk itself holds no conversation state and a restart loses nothing.
 */
public final class RolePlayDesk {
    /** Callback data of every button this desk sends starts with this. */
    public static final String BUTTON_PREFIX = "rp:";
    static final String START = "rp:start:";
    /** What a {@code /start} link into a scenario carries after its prefix: {@code rp_<scenario id>}. */
    public static final String DEEP_LINK = "rp_";
    static final String SWITCH = "rp:switch:";
    static final String KEEP = "rp:keep";
    static final String LIST = "rp:list";
    static final String HINT = "rp:hint";
    static final String END = "rp:end";
    /** The "my progress" button under a scorecard: it runs {@code /progress}, whichever feature declares it. */
    public static final String PROGRESS = CommandRouter.COMMAND_BUTTON + "progress";
    private final Supplier<KnowledgeState> knowledge;
    private final SessionStore store;
    private final RolePlayEngine engine;
    private final Clock clock;
    private final LongSupplier seeds;
    private final Texts texts = Texts.of("roleplay");
    private final HintCoach coach = new HintCoach(texts);
    private final Debrief debrief;
    private final ScenarioMenu menu = new ScenarioMenu(texts);
    /** One lock per user and chat: a slow model turn blocks only its own session; idle users hold none. */
    private final KeyedLocks locks = new KeyedLocks();

    /**
     * @param knowledge the knowledge in service (scenarios, rubric, sections, index); read once per message, so
     *                  admins can swap it and one answer never mixes two versions
     * @param persona plays the customer, see {@link LlmPersona#orScripted}
     * @param seeds   a seed per new session, e.g. {@code new SecureRandom()::nextLong}; fixed in tests
     * @param meaning hears moves, remedies and questions by meaning, see {@link EmbeddingMeaning}
     */
    public RolePlayDesk(Supplier<KnowledgeState> knowledge, SessionStore store, CustomerPersona persona,
                        Clock clock, LongSupplier seeds, RolePlaySettings settings, Meaning meaning) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.seeds = Objects.requireNonNull(seeds, "seeds must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        this.engine = new RolePlayEngine(persona, settings.maxTurns(), meaning);
        this.debrief = new Debrief(store, clock, settings, texts);
    }

    /** True while the user has a session in this chat (an expired one too: the next message explains it). */
    public boolean isActive(User user, long chatId) {
        return store.active(user.id(), chatId).isPresent();
    }

    /** The data of a button that starts this scenario, e.g. under an assignment. */
    public static String startButtonData(String scenarioId) {
        return START + scenarioId;
    }

    /**
     * {@code /roleplay [scenario]}: the scenario menu, or the named scenario (asking first if one is running). In a
     * group, where the trainee's lines must not be seen, the answer is a link into the private chat instead.
     */
    public void start(Incoming in, String argument, Responder out) {
        if (in.inGroup()) {
            inGroup(knowledge.get().book(), argument, out);
            return;
        }
        locked(in, state -> {
            ScenarioBook book = state.book();
            if (!book.playable()) {
                out.send(Reply.html(texts.get("unavailable")));
                return;
            }
            if (argument.isBlank()) {
                out.send(menu.reply(book, texts.get("menu.title")));
                return;
            }
            Optional<Scenario> chosen = ScenarioMenu.find(book, argument.strip());
            if (chosen.isEmpty()) {
                out.send(menu.reply(book, texts.get("menu.unknown", Html.escape(argument.strip()))));
                return;
            }
            Optional<Session> current = live(state, in, out);
            if (current.isPresent()) {
                String title = book.scenario(current.get().scenarioId()).map(Scenario::title).orElse("");
                out.send(Reply.html(texts.get("switch.ask", Html.escape(title), Html.escape(chosen.get().title())),
                        List.of(List.of(new Button(texts.get("button.switch"), SWITCH + chosen.get().id()),
                                new Button(texts.get("button.keep"), KEEP)))));
                return;
            }
            begin(in, chosen.get(), out);
        });
    }

    /** A group gets links that open the private chat straight into a scenario. */
    private void inGroup(ScenarioBook book, String argument, Responder out) {
        if (!book.playable()) {
            out.send(Reply.html(texts.get("unavailable")));
            return;
        }
        Optional<Scenario> chosen = argument.isBlank() ? Optional.empty() : ScenarioMenu.find(book, argument.strip());
        if (chosen.isPresent()) {
            out.send(Reply.html(texts.get("group.one", Html.escape(chosen.get().title())), List.of(List.of(
                    Button.privateStart(texts.get("group.button"), DEEP_LINK + chosen.get().id())))));
        } else {
            out.send(menu.privateLinks(book, texts.get("group.menu")));
        }
    }

    /**
     * Starts a drill: a short call of {@code drill.turns()} lines in the scenario, judged on the drill's dimension.
     * A session already running is left alone and the trainee asked to finish it first.
     */
    public void startDrill(Incoming in, String scenarioId, Drill drill, Responder out) {
        locked(in, state -> {
            ScenarioBook book = state.book();
            Optional<Scenario> scenario = book.scenario(scenarioId);
            if (!book.playable() || scenario.isEmpty()) {
                out.send(Reply.html(texts.get("unavailable")));
                return;
            }
            Optional<Session> current = live(state, in, out);
            if (current.isPresent()) {
                String title = book.scenario(current.get().scenarioId()).map(Scenario::title).orElse("");
                out.send(Reply.html(texts.get("drill.busy", Html.escape(title)), List.of(List.of(
                        new Button(texts.get("button.end"), END), new Button(texts.get("button.keep"), KEEP)))));
                return;
            }
            Session session = engine.startDrill(scenario.get(), drill, in.user().id(), in.chatId(), seeds.getAsLong(),
                    clock.instant());
            store.save(session);
            String name = book.rubric().flatMap(r -> r.dimension(drill.dimension())).map(Dimension::name)
                    .orElse(drill.dimension());
            String intro = texts.get("drill.intro", Html.escape(name), drill.turns(),
                    Html.escape(scenario.get().title()), Html.escape(scenario.get().briefing().strip()));
            out.send(Reply.html(intro + "\n\n" + texts.get("turn.customer", Html.escape(session.lastCustomerLine())),
                    List.of(List.of(new Button(texts.get("button.hint"), HINT),
                            new Button(texts.get("button.end"), END)))));
        });
    }

    /** Plain text during a session: the trainee's line to the customer. */
    public void say(Incoming in, Responder out) {
        locked(in, state -> call(state, in, out).ifPresent(call -> {
            if (call.session().played(in.source())) {
                // Handled again after a crash: the turn was saved, so the customer's answer is said again rather
                // than the line played a second time (the front end does not resend what was already delivered).
                out.send(turnReply(call.session()));
                return;
            }
            TurnResult r = engine.play(call.scenario(), call.rubric(), call.session(), in.text(), clock.instant());
            if (!r.outcome().finished()) {
                Session played = r.session().heardFrom(in.source());
                store.save(played);
                out.send(turnReply(played));
                return;
            }
            String customer = texts.get("turn.customer", Html.escape(r.customerLine()));
            String ending = texts.get("ending." + r.outcome().name().toLowerCase(Locale.ROOT));
            out.send(Reply.html(customer + "\n\n" + ending));
            debrief.finish(state, r.session(), r.outcome(), out);
        }));
    }

    /** The customer's answer with the mood, or the note that the customer is satisfied and waits for the close. */
    private Reply turnReply(Session session) {
        String customer = texts.get("turn.customer", Html.escape(session.lastCustomerLine()));
        String mood = texts.get("turn.mood", texts.get("mood." + session.mood()));
        boolean justSatisfied = session.call().satisfiedAt() == session.traineeTurns();
        return Reply.html(customer + "\n" + (justSatisfied ? texts.get("turn.satisfied") : mood));
    }

    /** {@code /hint}: a coach tip for this moment of the call. */
    public void hint(Incoming in, String argument, Responder out) {
        locked(in, state -> call(state, in, out).ifPresent(call -> {
            String html = coach.hint(call.scenario(), call.rubric(), call.session(), state.knowledge(),
                    state.retriever());
            store.save(call.session().withHint(clock.instant()));
            out.send(Reply.html(html));
        }));
    }

    /** {@code /end}: ends the session and sends the scorecard and its radar chart. */
    public void end(Incoming in, String argument, Responder out) {
        locked(in, state -> {
            Optional<Session> session = live(state, in, out);
            if (session.isEmpty()) {
                out.send(Reply.html(texts.get("not.active")));
            } else if (session.get().traineeTurns() == 0) {
                store.discard(in.user().id(), in.chatId());
                out.send(Reply.html(texts.get("ended.empty"), List.of(List.of(
                        new Button(texts.get("button.list"), LIST)))));
            } else {
                debrief.finish(state, session.get(), Outcome.ENDED, out);
            }
        });
    }

    /** {@code /progress}: recent sessions, the average per dimension and the trend, with a chart. */
    public void progress(Incoming in, String argument, Responder out) {
        debrief.progress(knowledge.get(), in.user().id(), out);
    }

    /** Buttons whose data starts with {@link #BUTTON_PREFIX}. */
    public void onButton(Incoming in, Responder out) {
        String data = in.text();
        if (data.startsWith(START)) {
            start(in, data.substring(START.length()), out);
        } else if (data.startsWith(SWITCH)) {
            switchTo(in, data.substring(SWITCH.length()), out);
        } else if (data.equals(KEEP)) {
            locked(in, state -> out.send(Reply.html(live(state, in, out)
                    .map(s -> texts.get("keep", Html.escape(s.lastCustomerLine())))
                    .orElse(texts.get("not.active")))));
        } else if (data.equals(LIST)) {
            start(in, "", out);
        } else if (data.equals(HINT)) {
            hint(in, "", out);
        } else if (data.equals(END)) {
            end(in, "", out);
        } else if (data.equals(PROGRESS)) {
            progress(in, "", out);
        } else {
            out.send(Reply.html(texts.get("button.stale")));
        }
    }

    private void switchTo(Incoming in, String scenarioId, Responder out) {
        locked(in, state -> {
            Optional<Scenario> next = state.book().scenario(scenarioId);
            if (next.isEmpty() || !state.book().playable()) {
                out.send(Reply.html(texts.get("button.stale")));
                return;
            }
            Optional<Session> current = live(state, in, out);
            if (current.isPresent() && current.get().traineeTurns() > 0) {
                debrief.finish(state, current.get(), Outcome.ENDED, out);
            } else {
                store.discard(in.user().id(), in.chatId());
            }
            begin(in, next.get(), out);
        });
    }

    private void begin(Incoming in, Scenario scenario, Responder out) {
        Session session = engine.start(scenario, in.user().id(), in.chatId(), seeds.getAsLong(), clock.instant());
        store.save(session);
        String intro = texts.get("intro", Html.escape(scenario.title()), ScenarioMenu.stars(scenario),
                Html.escape(scenario.customerType()), Html.escape(scenario.briefing().strip()));
        out.send(Reply.html(intro + "\n\n" + texts.get("turn.customer", Html.escape(session.lastCustomerLine())),
                List.of(List.of(new Button(texts.get("button.hint"), HINT),
                        new Button(texts.get("button.end"), END)))));
    }

    /** A session in progress with what it is played against. */
    private record Call(Session session, Scenario scenario, Rubric rubric) {
    }

    /** The call in progress, or empty after telling the trainee why there is none. */
    private Optional<Call> call(KnowledgeState state, Incoming in, Responder out) {
        Optional<Session> session = live(state, in, out);
        if (session.isEmpty()) {
            out.send(Reply.html(texts.get("not.active")));
            return Optional.empty();
        }
        Optional<Scenario> scenario = debrief.scenarioOrDiscard(state.book(), session.get(), out);
        if (scenario.isEmpty()) {
            return Optional.empty();
        }
        Optional<Rubric> rubric = state.book().rubric();
        if (rubric.isEmpty()) {
            out.send(Reply.html(texts.get("unavailable")));
            return Optional.empty();
        }
        return Optional.of(new Call(session.get(), scenario.get(), rubric.get()));
    }

    /** The session in progress; an expired one is closed here, with a note, and reported as none. */
    private Optional<Session> live(KnowledgeState state, Incoming in, Responder out) {
        Optional<Session> session = store.active(in.user().id(), in.chatId());
        if (session.isPresent() && debrief.expired(session.get())) {
            debrief.expire(state, session.get(), out);
            return Optional.empty();
        }
        return session;
    }

    /** Runs the action under the user's lock, with the knowledge read once for the whole answer. */
    private void locked(Incoming in, Consumer<KnowledgeState> action) {
        locks.run(in.user().id() + ":" + in.chatId(), () -> action.accept(knowledge.get()));
    }

    /** How many users hold a session lock now; idle users hold none. */
    int lockCount() {
        return locks.size();
    }
}
