package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.persona.CustomerPersona;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plays one turn: hears the trainee's line, moves the customer's mood and patience, tracks the remedy, and lets the
 * persona answer. A satisfied customer thanks and waits: the call ends on the trainee's closing line, on
 * {@code /end}, or when the customer hangs up.
 */
public final class RolePlayEngine {
    /** A call that has not been resolved after this many trainee lines is one the customer gives up on. */
    public static final int DEFAULT_MAX_TURNS = 15;
    private final CustomerPersona persona;
    private final int maxTurns;
    private final Listener listener;

    public RolePlayEngine(CustomerPersona persona, int maxTurns, Meaning meaning) {
        this.persona = Objects.requireNonNull(persona, "persona must not be null");
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1");
        }
        this.maxTurns = maxTurns;
        this.listener = new Listener(meaning);
    }

    /** A new session whose customer has said one of the scenario's opening lines. */
    public Session start(Scenario scenario, long userId, long chatId, long seed, Instant now) {
        List<String> openings = scenario.lines().opening();
        String opening = openings.get(Session.random(seed, 0).nextInt(openings.size()));
        return Session.opened(userId, chatId, scenario, seed, opening, now);
    }

    /** Answers one trainee line. */
    public TurnResult play(Scenario scenario, Rubric rubric, Session session, String traineeLine, Instant now) {
        int turn = session.traineeTurns() + 1;
        Heard heard = listener.hear(scenario, rubric, traineeLine, turn);
        CallState call = session.call();
        Set<String> newBeats = new HashSet<>(heard.beats());
        newBeats.removeAll(call.beats());
        boolean anyBeat = !call.beats().isEmpty() || !newBeats.isEmpty();
        int mood = MoodRules.nextMood(scenario, session.mood(), heard, !newBeats.isEmpty(), anyBeat);
        int patience = call.patience() - MoodRules.patienceCost(heard, session.mood(), mood, !newBeats.isEmpty());
        boolean wasSatisfied = call.satisfied();
        CallState next = call.next(patience, newBeats, heard.fact(), call.satisfiedAt());
        boolean nowSatisfied = !wasSatisfied && patience > 0 && MoodRules.satisfied(scenario, next, mood, turn);
        if (nowSatisfied) {
            next = next.next(patience, Set.of(), java.util.Optional.empty(), turn);
        }
        boolean drawnOut = MoodRules.drawnOut(scenario, session.drawnOut(), heard.kinds());
        Session heardSession = session.afterTrainee(traineeLine.strip(), heard.moves(), mood, next, drawnOut, now);
        Outcome outcome;
        TurnContext.Moment moment;
        if (patience <= 0) {
            outcome = Outcome.FAILURE;
            moment = TurnContext.Moment.HANGUP;
        } else if (wasSatisfied && (heard.has(MoveKind.CLOSING) || heard.farewell()) && !heard.anyBad()) {
            outcome = Outcome.SUCCESS;
            moment = TurnContext.Moment.FAREWELL;
        } else if (nowSatisfied) {
            outcome = Outcome.ONGOING;
            moment = TurnContext.Moment.SATISFIED;
        } else if (turn >= maxTurns) {
            outcome = next.satisfied() ? Outcome.SUCCESS : Outcome.GAVE_UP;
            moment = next.satisfied() ? TurnContext.Moment.FAREWELL : TurnContext.Moment.HANGUP;
        } else {
            outcome = Outcome.ONGOING;
            moment = TurnContext.Moment.TALK;
        }
        String answer = persona.reply(new TurnContext(scenario, heardSession, heard, moment, heardSession.random(turn)));
        return new TurnResult(heardSession.afterCustomer(answer), answer, heard.moves(), outcome);
    }
}
