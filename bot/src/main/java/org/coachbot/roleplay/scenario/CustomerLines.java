package org.coachbot.roleplay.scenario;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the scripted customer of one scenario can say, by occasion. Every pool holds several lines so the
 * customer never has to repeat one within a session.
 *
 * @param reactions answers to each move kind the trainee makes
 * @param echo      lines that pick up the trainee's words: {@code time} lines hold {@code {time}}, {@code name}
 *                  lines {@code {name}}
 * @param byMood    lines for moods 0..5 when nothing more specific fits
 * @param satisfied the customer's thanks once the problem is solved; the trainee then closes the call
 * @param farewell  the customer's goodbye after the trainee's closing line
 * @param hangup    the customer's last words when patience runs out
 * @param dontKnow  the customer's answers to a question about something they do not know
 * @param goOn      what the customer says to a line with nothing to take up ("稍等,我查一下")
 * @param memory    lines that bring up what the trainee did earlier: {@code answered} lines hold {@code {answer}},
 *                  {@code promise} lines {@code {time}}
 */
public record CustomerLines(List<String> opening, Map<MoveKind, List<String>> reactions,
                            Map<String, List<String>> echo, Map<Integer, List<String>> byMood,
                            Map<OffScript, List<String>> offScript, List<String> guarded, List<String> satisfied,
                            List<String> farewell, List<String> hangup, List<String> dontKnow,
                            List<String> goOn, Map<Recall, List<String>> memory) {
    public CustomerLines {
        dontKnow = List.copyOf(dontKnow);
        goOn = List.copyOf(goOn);
        memory = copy(memory, Recall.class);
        opening = List.copyOf(opening);
        reactions = copy(reactions, MoveKind.class);
        echo = Map.copyOf(echo);
        byMood = Map.copyOf(byMood);
        offScript = copy(offScript, OffScript.class);
        guarded = List.copyOf(guarded);
        satisfied = List.copyOf(satisfied);
        farewell = List.copyOf(farewell);
        hangup = List.copyOf(hangup);
        if (opening.isEmpty() || satisfied.isEmpty() || farewell.isEmpty() || hangup.isEmpty()) {
            throw new IllegalArgumentException("opening, satisfied, farewell and hangup lines are required");
        }
    }

    private static <K extends Enum<K>> Map<K, List<String>> copy(Map<K, List<String>> in, Class<K> type) {
        Map<K, List<String>> out = new EnumMap<>(type);
        in.forEach((k, v) -> out.put(Objects.requireNonNull(k), List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** The reaction lines to a move kind, empty when the scenario has none. */
    public List<String> reaction(MoveKind kind) {
        return reactions.getOrDefault(kind, List.of());
    }

    /** The lines for a mood, empty when the scenario has none. */
    public List<String> mood(int mood) {
        return byMood.getOrDefault(mood, List.of());
    }

    /** The lines that bring up a deed of this kind. */
    public List<String> memory(Recall recall) {
        return memory.getOrDefault(recall, List.of());
    }

    /** The lines for an off-script input. */
    public List<String> offScript(OffScript kind) {
        return offScript.getOrDefault(kind, List.of());
    }
}
