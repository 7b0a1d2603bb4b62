package org.coachbot.roleplay;

import org.coachbot.chat.Button;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.library.KnowledgeState;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.scoring.Scorer;
import org.coachbot.roleplay.view.Charts;
import org.coachbot.roleplay.view.DrillView;
import org.coachbot.roleplay.view.ScorecardView;
import org.coachbot.text.Texts;
import org.coachbot.roleplay.scoring.PastDrill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/** What happens after a call: scoring, recording, the scorecard with its radar chart, and {@code /progress}. */
final class Debrief {
    private static final Logger log = LoggerFactory.getLogger(Debrief.class);
    private final SessionStore store;
    private final Clock clock;
    private final RolePlaySettings settings;
    private final Texts texts;
    private final ScorecardView view;
    private final DrillView drillView;
    private final Scorer scorer = new Scorer();

    Debrief(SessionStore store, Clock clock, RolePlaySettings settings, Texts texts) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.texts = texts;
        this.view = new ScorecardView(texts);
        this.drillView = new DrillView(texts);
    }

    /** Scores the session, moves it into the history and sends the scorecard and the radar chart. */
    void finish(KnowledgeState state, Session session, Outcome outcome, Responder out) {
        Optional<Scenario> scenario = scenarioOrDiscard(state.book(), session, out);
        Optional<Rubric> rubric = state.book().rubric();
        if (scenario.isEmpty()) {
            return;
        }
        if (rubric.isEmpty()) {
            // Keep the session: once an admin fixes rubric.yaml, /end scores it.
            out.send(Reply.html(texts.get("unavailable")));
            return;
        }
        Scorecard card = scorer.score(rubric.get(), scenario.get(), session, outcome);
        if (session.drill().active()) {
            store.finish(session, card, clock.instant());
            out.send(Reply.html(drillView.card(scenario.get(), rubric.get(), card, session.drill().dimension(),
                    state.knowledge(), settings.passMark()), List.of(
                    List.of(new Button(texts.get("button.list"), RolePlayDesk.LIST),
                            new Button(texts.get("button.progress"), RolePlayDesk.PROGRESS)))));
            return;
        }
        List<PastSession> before = store.history(session.userId(), settings.historySize());
        store.finish(session, card, clock.instant());
        out.send(Reply.html(view.scorecard(scenario.get(), card, state.knowledge(), settings.passMark()), List.of(
                List.of(new Button(texts.get("button.again"), RolePlayDesk.START + scenario.get().id()),
                        new Button(texts.get("button.list"), RolePlayDesk.LIST)),
                List.of(new Button(texts.get("button.progress"), RolePlayDesk.PROGRESS)))));
        sendChart(() -> Charts.radar(texts.get("chart.radar.title", card.total()), card.dimensions(),
                averages(before, card.dimensions()), texts.get("chart.radar.now"), texts.get("chart.radar.average")),
                texts.get("chart.radar.caption"), out);
    }

    boolean expired(Session session) {
        return session.lastActivity().plus(settings.idleTimeout()).isBefore(clock.instant());
    }

    /** Ends an idle session: scored like {@code /end} if the trainee said anything, else dropped. */
    void expire(KnowledgeState state, Session session, Responder out) {
        long minutes = settings.idleTimeout().toMinutes();
        if (session.traineeTurns() == 0) {
            store.discard(session.userId(), session.chatId());
            out.send(Reply.html(texts.get("expired.empty", minutes)));
            return;
        }
        out.send(Reply.html(texts.get("expired.note", minutes)));
        finish(state, session, Outcome.EXPIRED, out);
    }

    /** The session's scenario; when an admin removed it, the session is dropped and the trainee told. */
    Optional<Scenario> scenarioOrDiscard(ScenarioBook book, Session session, Responder out) {
        Optional<Scenario> scenario = book.scenario(session.scenarioId());
        if (scenario.isEmpty()) {
            store.discard(session.userId(), session.chatId());
            out.send(Reply.html(texts.get("scenario.gone"), List.of(List.of(
                    new Button(texts.get("button.list"), RolePlayDesk.LIST)))));
        }
        return scenario;
    }

    void progress(KnowledgeState state, long userId, Responder out) {
        List<PastSession> history = store.history(userId, settings.historySize());
        List<PastDrill> drills = store.drills(userId, settings.historySize());
        List<List<Button>> buttons = List.of(List.of(new Button(texts.get("button.list"), RolePlayDesk.LIST)));
        if (history.isEmpty() && drills.isEmpty()) {
            out.send(Reply.html(texts.get("progress.empty"), buttons));
            return;
        }
        out.send(Reply.html(view.progress(history, drills, state.book(), clock.getZone()), buttons));
        if (history.size() >= ScorecardView.MIN_TREND_SESSIONS) {
            List<PastSession> oldestFirst = new ArrayList<>(history);
            Collections.reverse(oldestFirst);
            sendChart(() -> Charts.trend(texts.get("chart.trend.title"),
                    ScorecardView.chartLabels(oldestFirst, clock.getZone()),
                    oldestFirst.stream().map(PastSession::total).toList(), texts.get("chart.trend.axis"),
                    texts.get("chart.trend.series")), texts.get("chart.trend.caption"), out);
        }
    }

    /** The trainee's earlier average per dimension, or empty when some dimension has no earlier score. */
    private static List<Double> averages(List<PastSession> before, List<Scorecard.DimensionScore> dimensions) {
        List<Double> out = new ArrayList<>();
        for (Scorecard.DimensionScore d : dimensions) {
            OptionalDouble avg = ScorecardView.average(before, d.id());
            if (avg.isEmpty()) {
                return List.of();
            }
            out.add(avg.getAsDouble());
        }
        return out;
    }

    /**
     * Sends a chart; a machine without fonts or AWT libraries fails to render, and then the trainee still has the
     * text, which carries every number, so the failure is logged rather than passed on.
     */
    private void sendChart(Supplier<byte[]> render, String caption, Responder out) {
        byte[] png;
        try {
            png = render.get();
        } catch (RuntimeException | LinkageError | AWTError e) {
            log.warn("chart rendering failed; the text reply stands alone", e);
            return;
        }
        out.send(Reply.image(png, caption));
    }
}
