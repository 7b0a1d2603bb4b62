package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Recall;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;

import java.time.Instant;
import java.util.ArrayList;
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
    private final Hearing hearing;

    public RolePlayEngine(CustomerPersona persona, int maxTurns, Meaning meaning) {
        this(persona, maxTurns, meaning, Hearing.shipped());
    }

    /** @param hearing how the customer hears questions, see {@link Hearing} */
    public RolePlayEngine(CustomerPersona persona, int maxTurns, Meaning meaning, Hearing hearing) {
        this.persona = Objects.requireNonNull(persona, "persona must not be null");
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1");
        }
        this.maxTurns = maxTurns;
        this.hearing = Objects.requireNonNull(hearing, "hearing must not be null");
        this.listener = new Listener(meaning, hearing);
    }

    /** A new session whose customer has said one of the scenario's opening lines. */
    public Session start(Scenario scenario, long userId, long chatId, long seed, Instant now) {
        List<String> openings = scenario.lines().opening();
        String opening = openings.get(Session.random(seed, 0).nextInt(openings.size()));
        return Session.opened(userId, chatId, scenario, seed, opening, now);
    }

    /** A new drill: like {@link #start}, ending after the drill's number of trainee lines. */
    public Session startDrill(Scenario scenario, Drill drill, long userId, long chatId, long seed, Instant now) {
        return start(scenario, userId, chatId, seed, now).asDrill(drill);
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
        CallState next = call.next(turn, patience, heard.beats(), heard.facts(), deeds(call, heard, turn),
                call.satisfiedAt());
        boolean nowSatisfied = !wasSatisfied && patience > 0 && MoodRules.satisfied(scenario, next, mood, turn);
        if (nowSatisfied) {
            next = next.satisfiedAfter(turn);
        }
        boolean drawnOut = MoodRules.drawnOut(scenario, session.drawnOut(), heard.kinds());
        Session heardSession = session.afterTrainee(traineeLine.strip(), heard.moves(), mood, next, drawnOut, now);
        Outcome outcome;
        TurnContext.Moment moment;
        if (patience <= 0) {
            outcome = Outcome.FAILURE;
            moment = TurnContext.Moment.HANGUP;
        } else if ((wasSatisfied || nowSatisfied) && takesLeave(heard, wasSatisfied) && !heard.plainOffence()) {
            // The customer has thanked, or is won over by this very line; a goodbye ends the call warmly. An offence
            // heard only by resemblance ("那就这样,晚安" is close to a brush-off) does not turn the goodbye into one:
            // it is still scored.
            outcome = Outcome.SUCCESS;
            moment = TurnContext.Moment.FAREWELL;
        } else if (session.drill().active() && turn >= session.drill().turns()) {
            // A drill stops after its lines; the customer just answers, as the call is not over for them.
            outcome = Outcome.DRILL_DONE;
            moment = nowSatisfied ? TurnContext.Moment.SATISFIED : TurnContext.Moment.TALK;
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
        ReplyPlan plan = ReplyPlanner.plan(scenario, hearing, call, heardSession, heard, moment);
        CustomerReply reply = persona.reply(new TurnContext(scenario, heardSession, heard, moment, plan,
                heardSession.random(turn)));
        Session answered = heardSession.afterCustomer(reply.line());
        if (reply.cue() instanceof Cue.Recalled recalled) {
            answered = answered.withCall(answered.call().recalling(recalled.deed()));
        }
        return new TurnResult(answered, reply.line(), heard.moves(), outcome, reply.reaction());
    }

    /**
     * The line ends the call: a closing or a goodbye, or, once the customer has thanked, the agent's own thanks with
     * nothing asked ("感谢您的理解和耐心").
     */
    private static boolean takesLeave(Heard heard, boolean thanked) {
        boolean thanksBack = thanked && heard.has(MoveKind.THANKS) && heard.facts().isEmpty()
                && heard.unknown().isEmpty();
        return heard.has(MoveKind.CLOSING) || heard.farewell() || thanksBack;
    }

    /** What the customer will remember of the line: a promise with its time, a refusal, a private contact. */
    private static List<Remembered> deeds(CallState call, Heard heard, int turn) {
        List<Remembered> out = new ArrayList<>();
        boolean offered = !heard.beats().isEmpty() || heard.has(MoveKind.PROMISE) || heard.has(MoveKind.SOLUTION);
        if (offered) {
            heard.time().ifPresent(t -> out.add(new Remembered(Recall.PROMISE, t, turn)));
        }
        heard.refusal().ifPresent(r -> out.add(new Remembered(Recall.REFUSAL, r, turn)));
        if (heard.contact() && !call.remembers(Recall.CONTACT)) {
            out.add(new Remembered(Recall.CONTACT, "", turn));
        }
        return out;
    }
}
