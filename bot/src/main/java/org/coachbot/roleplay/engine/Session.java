package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Everything about one role-play in progress; saved after every turn, so a restarted bot continues where it was.
 *
 * @param seed      the persona's random seed; turn {@code n} draws from {@link #random(int)}, so no generator state
 *                  needs saving
 * @param mood      the customer's mood, 0 calm .. 5 furious
 * @param call      patience, remedy beats, told facts, satisfaction
 * @param drawnOut  the silent customer has opened up
 * @param hints     how many coach hints the trainee asked for
 * @param drill     the dimension and length of a drill, {@link Drill#NONE} for a full session
 */
public record Session(long userId, long chatId, String scenarioId, long seed, int mood, CallState call,
                      boolean drawnOut, List<Utterance> transcript, List<DetectedMove> moves, int hints,
                      Instant startedAt, Instant lastActivity, Drill drill) {
    public Session {
        Objects.requireNonNull(scenarioId, "scenarioId must not be null");
        drill = drill == null ? Drill.NONE : drill;
        Objects.requireNonNull(call, "call must not be null");
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        Objects.requireNonNull(lastActivity, "lastActivity must not be null");
        transcript = List.copyOf(transcript);
        moves = List.copyOf(moves);
        if (mood < Scenario.MIN_MOOD || mood > Scenario.MAX_MOOD) {
            throw new IllegalArgumentException("mood must be within 0..5: " + mood);
        }
        if (hints < 0) {
            throw new IllegalArgumentException("hints must be >= 0");
        }
    }

    /** A full session (not a drill). */
    public Session(long userId, long chatId, String scenarioId, long seed, int mood, CallState call,
                   boolean drawnOut, List<Utterance> transcript, List<DetectedMove> moves, int hints,
                   Instant startedAt, Instant lastActivity) {
        this(userId, chatId, scenarioId, seed, mood, call, drawnOut, transcript, moves, hints, startedAt,
                lastActivity, Drill.NONE);
    }

    /** A session whose customer has just said the opening line. */
    public static Session opened(long userId, long chatId, Scenario scenario, long seed, String opening,
                                 Instant now) {
        return new Session(userId, chatId, scenario.id(), seed, scenario.startingMood(), CallState.start(scenario),
                false, List.of(new Utterance(Utterance.Speaker.CUSTOMER, opening)), List.of(), 0, now, now);
    }

    /** How many lines the trainee has said. */
    public int traineeTurns() {
        return (int) transcript.stream().filter(u -> u.speaker() == Utterance.Speaker.TRAINEE).count();
    }

    /** The customer's latest line, or empty. */
    public String lastCustomerLine() {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (transcript.get(i).speaker() == Utterance.Speaker.CUSTOMER) {
                return transcript.get(i).text();
            }
        }
        return "";
    }

    /** Everything the customer has said so far, in order. */
    public List<String> customerLines() {
        return transcript.stream().filter(u -> u.speaker() == Utterance.Speaker.CUSTOMER).map(Utterance::text)
                .toList();
    }

    /** Whether the trainee made this move at any point of the session. */
    public boolean happened(MoveKind kind) {
        return moves.stream().anyMatch(m -> m.kind() == kind);
    }

    /** The generator for one turn; derived from the seed so a restarted session draws the same lines. */
    public Random random(int turn) {
        return random(seed, turn);
    }

    /** The generator for turn {@code turn} (0 is the opening) of a session with this seed. */
    public static Random random(long seed, int turn) {
        return new Random(seed + 0x9E3779B97F4A7C15L * (turn + 1));
    }

    /** This session after the trainee's line, with the customer's new state. */
    public Session afterTrainee(String line, List<DetectedMove> detected, int newMood, CallState newCall,
                                boolean newDrawnOut, Instant now) {
        List<Utterance> lines = new ArrayList<>(transcript);
        lines.add(new Utterance(Utterance.Speaker.TRAINEE, line));
        List<DetectedMove> all = new ArrayList<>(moves);
        all.addAll(detected);
        return new Session(userId, chatId, scenarioId, seed, newMood, newCall, newDrawnOut, lines, all, hints,
                startedAt, now, drill);
    }

    /** This session after the customer's answer. */
    public Session afterCustomer(String line) {
        List<Utterance> lines = new ArrayList<>(transcript);
        lines.add(new Utterance(Utterance.Speaker.CUSTOMER, line));
        return new Session(userId, chatId, scenarioId, seed, mood, call, drawnOut, lines, moves, hints, startedAt,
                lastActivity, drill);
    }

    /** This session with the call state replaced, e.g. after the customer brought up a remembered deed. */
    public Session withCall(CallState newCall) {
        return new Session(userId, chatId, scenarioId, seed, mood, newCall, drawnOut, transcript, moves, hints,
                startedAt, lastActivity, drill);
    }

    /** This session, its latest trainee line being known to the front end as {@code source}. */
    public Session heardFrom(long source) {
        return new Session(userId, chatId, scenarioId, seed, mood, call.heardFrom(source), drawnOut, transcript, moves,
                hints, startedAt, lastActivity, drill);
    }

    /** True when the trainee's latest line is the front end's {@code source}: that line has been played. */
    public boolean played(long source) {
        return source != 0 && call.lastSource() == source;
    }

    /** This session after one more coach hint. */
    public Session withHint(Instant now) {
        return new Session(userId, chatId, scenarioId, seed, mood, call, drawnOut, transcript, moves, hints + 1,
                startedAt, now, drill);
    }

    /** This session as a drill. */
    public Session asDrill(Drill drill) {
        return new Session(userId, chatId, scenarioId, seed, mood, call, drawnOut, transcript, moves, hints,
                startedAt, lastActivity, drill);
    }
}
