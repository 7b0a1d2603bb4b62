package org.coachbot.roleplay.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Tone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hears the tone of a line the way a caller does, apart from the score: which offence a clause sounds like when the
 * rubric counted none ("规定就是这样", "尽量吧"), and whether a line the rubric heard an offence in only by
 * resemblance sounds plain. A classifier is learned from the tone examples and the rubric's own: its neutral lines
 * and good moves' examples are calm, its offences' examples count as those offences.
 */
final class ToneListener {
    /** The listener of the shipped tone per rubric, whose example sets every other listener of it reuses. */
    private static final Cache<Rubric, ToneListener> SHIPPED = Caffeine.newBuilder().weakKeys().maximumSize(4)
            .build();
    private final Meaning meaning;
    private final Tone tone;
    /** The rubric the example sets were built for, compared by identity: a reload builds a new rubric. */
    private Rubric builtFor;
    private Map<MoveKind, List<String>> offences;
    private List<String> calm;

    ToneListener(Meaning meaning, Tone tone) {
        this.meaning = Objects.requireNonNull(meaning, "meaning must not be null");
        this.tone = Objects.requireNonNull(tone, "tone must not be null");
    }

    /**
     * What the customer hears in the tone of the clauses.
     *
     * @param takenAmiss the offence the most offending clause makes, if one is likely enough
     * @param calm       no clause is likely to make any offence
     * @param written    the offence is written out in the tone's patterns, not only likely
     */
    record Heard(Optional<MoveKind> takenAmiss, boolean calm, boolean written) {
        static final Heard NOTHING = new Heard(Optional.empty(), false, false);
    }

    /**
     * @param normalised the whole line, for the offences written out in the tone's patterns
     * @param clauses    what the line states, for the classifier: a question is heard as a question
     */
    Heard hear(Rubric rubric, String normalised, List<String> clauses) {
        Optional<MoveKind> marked = tone.marked(normalised);
        if (marked.isPresent()) {
            return new Heard(marked, false, true);
        }
        if (clauses.isEmpty()) {
            return Heard.NOTHING;
        }
        prepare(rubric);
        double[][] likely = meaning.classify(offences, calm, clauses);
        MoveKind amiss = null;
        double worst = 0;
        for (double[] clause : likely) {
            for (MoveKind k : offences.keySet()) {
                double p = clause[k.ordinal()];
                if (p > worst) {
                    worst = p;
                    amiss = p >= tone.taken() ? k : amiss;
                }
            }
        }
        return new Heard(Optional.ofNullable(amiss), worst < tone.calmBelow(), false);
    }

    /**
     * Learns the tone of the rubric ahead of the first turn, as {@link EmbeddingMeaning#prepare} does for its moves:
     * the example sets are shared by every listener of the shipped tone, so the classifier learned here is the one
     * the turns use.
     */
    static void prepareShipped(Meaning meaning, Rubric rubric) {
        SHIPPED.get(rubric, r -> new ToneListener(meaning, Tone.shipped())).hear(rubric, "", List.of("好的"));
    }

    /** Builds the example sets for the rubric: one per offence, and the calm lines. */
    private synchronized void prepare(Rubric rubric) {
        if (builtFor == rubric) {
            return;
        }
        ToneListener ready = tone == Tone.shipped() ? SHIPPED.getIfPresent(rubric) : null;
        if (ready != null && ready != this) {
            ready.prepare(rubric);
            offences = ready.offences;
            calm = ready.calm;
            builtFor = rubric;
            return;
        }
        List<String> plain = new ArrayList<>(tone.calm());
        plain.addAll(rubric.neutral());
        Map<MoveKind, List<String>> byKind = new EnumMap<>(MoveKind.class);
        for (MoveKind k : MoveKind.values()) {
            if (Tone.OFFENCES.contains(k)) {
                List<String> examples = new ArrayList<>(tone.offence().getOrDefault(k, List.of()));
                rubric.detectorsFor(k).stream().map(Detector::examples).forEach(examples::addAll);
                byKind.put(k, List.copyOf(examples));
            } else if (!k.bad()) {
                rubric.detectorsFor(k).stream().map(Detector::examples).forEach(plain::addAll);
            }
        }
        offences = Collections.unmodifiableMap(byKind);
        calm = List.copyOf(plain);
        builtFor = rubric;
    }
}
