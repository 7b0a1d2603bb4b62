package org.coachbot.roleplay;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Plays one turn: detects the trainee's moves, moves the customer's mood, and lets the persona answer. */
public final class RolePlayEngine {
    /** A call that has not been resolved after this many trainee lines is one the customer gives up on. */
    public static final int DEFAULT_MAX_TURNS = 15;
    private final CustomerPersona persona;
    private final int maxTurns;

    public RolePlayEngine(CustomerPersona persona, int maxTurns) {
        this.persona = Objects.requireNonNull(persona, "persona must not be null");
        if (maxTurns < 1) {
            throw new IllegalArgumentException("maxTurns must be >= 1");
        }
        this.maxTurns = maxTurns;
    }

    /** A new session whose customer has said one of the scenario's opening lines. */
    public Session start(Scenario scenario, long userId, long chatId, long seed, Instant now) {
        List<String> openings = scenario.opening();
        String opening = openings.get(Session.random(seed, 0).nextInt(openings.size()));
        return Session.opened(userId, chatId, scenario, seed, opening, now);
    }

    /** Answers one trainee line; when the call ends, the customer says the scenario's closing line. */
    public TurnResult play(Scenario scenario, Rubric rubric, Session session, String traineeLine, Instant now) {
        int turn = session.traineeTurns() + 1;
        List<DetectedMove> detected = new MoveDetector(rubric).detect(traineeLine, turn);
        Set<MoveKind> kinds = MoodRules.kinds(detected);
        int mood = MoodRules.nextMood(scenario, session.mood(), kinds);
        int peaks = session.peaks() + (mood == Scenario.MAX_MOOD ? 1 : 0);
        boolean drawnOut = MoodRules.drawnOut(scenario, session.drawnOut(), kinds);
        Session heard = session.afterTrainee(traineeLine.strip(), detected, mood, peaks, drawnOut, now);
        Outcome outcome = MoodRules.outcome(scenario, heard, maxTurns);
        String answer = switch (outcome) {
            case SUCCESS -> scenario.success();
            case FAILURE, GAVE_UP -> scenario.failure();
            default -> persona.reply(new TurnContext(scenario, heard, detected, heard.random(turn)));
        };
        return new TurnResult(heard.afterCustomer(answer), answer, detected, outcome);
    }
}
