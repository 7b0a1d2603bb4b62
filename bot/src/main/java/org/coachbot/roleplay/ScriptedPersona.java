package org.coachbot.roleplay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The customer without a language model: answers from the scenario's lines, chosen by what the trainee just did
 * (bad moves first, then solution and promise, apology and empathy, questions), else by mood. Never says the same
 * line twice in a row; deterministic for a given turn generator.
 */
public final class ScriptedPersona implements CustomerPersona {
    /** After the bad moves, the good ones in the order a real customer would respond to them. */
    private static final List<MoveKind> GOOD_ORDER = List.of(MoveKind.SOLUTION, MoveKind.PROMISE, MoveKind.APOLOGY,
            MoveKind.EMPATHY, MoveKind.OPEN_QUESTION, MoveKind.GOOD_QUESTION, MoveKind.THANKS, MoveKind.CLOSING,
            MoveKind.GREETING, MoveKind.SELF_INTRO);

    @Override
    public String reply(TurnContext turn) {
        Scenario s = turn.scenario();
        Session session = turn.session();
        String last = session.lastCustomerLine();
        Random random = turn.random();
        if (s.silent() && !session.drawnOut()) {
            Optional<String> guarded = fresh(s.guarded(), last, random);
            if (guarded.isPresent()) {
                return guarded.get();
            }
        }
        for (MoveKind kind : reactionOrder(s, MoodRules.kinds(turn.detected()))) {
            Optional<String> line = fresh(s.reactions().getOrDefault(kind, List.of()), last, random);
            if (line.isPresent()) {
                return line.get();
            }
        }
        return fresh(s.byMood().getOrDefault(session.mood(), List.of()), last, random)
                .or(() -> fresh(s.byMood().values().stream().flatMap(List::stream).toList(), last, random))
                .or(() -> fresh(s.opening(), last, random))
                .orElse(s.opening().get(0));
    }

    /** Bad moves first, the most inflaming one ahead; then the good moves in {@link #GOOD_ORDER}. */
    static List<MoveKind> reactionOrder(Scenario s, Set<MoveKind> kinds) {
        List<MoveKind> out = new ArrayList<>(kinds.stream().filter(MoveKind::bad)
                .sorted(Comparator.comparingInt((MoveKind k) -> -s.inflames().getOrDefault(k, 0))
                        .thenComparing(Comparator.naturalOrder()))
                .toList());
        GOOD_ORDER.stream().filter(kinds::contains).forEach(out::add);
        return out;
    }

    /** A random line of the pool other than the one just said. */
    private static Optional<String> fresh(List<String> pool, String last, Random random) {
        List<String> candidates = pool.stream().filter(line -> !line.equals(last)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(random.nextInt(candidates.size())));
    }
}
