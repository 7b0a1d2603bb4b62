package org.coachbot.safety;

import org.coachbot.meaning.LinearClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recognises a question about a caller in danger by meaning, before any ordinary retrieval: a classifier over
 * sentence embeddings, trained on each kind's example questions against the others and against alarming-sounding
 * ordinary calls, and the kind's own words as a further hint. Hyperbole ("气死我了"), a customer threatening the
 * police over a dispute or a fraud that happened last month stay ordinary questions.
 */
public final class DangerDetector {
    /**
     * Probability a kind needs; measured on the tuned safety set (see the benchmark's sweep). Missing a caller in
     * danger costs more than an emergency tip given to an ordinary call, so the threshold leans to recall.
     */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** What the kind's own words add to its probability: a hint, never enough alone. */
    public static final double DEFAULT_WORD_BOOST = 0.25;

    private final Map<Danger, DangerSignals.Kind> kinds;
    private final LinearClassifier classifier;
    private final Function<String, float[]> embed;
    private final double threshold;
    private final double wordBoost;

    /**
     * @param embed unit vectors of texts, normalised as questions are; the detector embeds every example once at
     *              construction and each question as it comes
     */
    public DangerDetector(DangerSignals signals, Function<List<String>, List<float[]>> embedAll,
                          Function<String, float[]> embed, double threshold, double wordBoost) {
        Objects.requireNonNull(signals, "signals must not be null");
        this.embed = Objects.requireNonNull(embed, "embed must not be null");
        if (threshold <= 0 || threshold >= 2) {
            throw new IllegalArgumentException("threshold must be between 0 and 2");
        }
        if (wordBoost < 0 || wordBoost > 1) {
            throw new IllegalArgumentException("wordBoost must be between 0 and 1");
        }
        this.threshold = threshold;
        this.wordBoost = wordBoost;
        this.kinds = signals.kinds();
        List<List<float[]>> examples = new ArrayList<>();
        for (Danger d : Danger.values()) {
            examples.add(embedAll.apply(kinds.get(d).examples()));
        }
        this.classifier = LinearClassifier.train(examples, embedAll.apply(signals.none()),
                LinearClassifier.DEFAULT_EPOCHS);
    }

    /** The danger a normalised question is about, if any. */
    public Optional<Danger> detect(String normalizedQuestion) {
        if (normalizedQuestion.isBlank()) {
            return Optional.empty();
        }
        double[] scores = scores(normalizedQuestion);
        Danger best = null;
        for (Danger d : Danger.values()) {
            if (best == null || scores[d.ordinal()] > scores[best.ordinal()]) {
                best = d;
            }
        }
        return scores[best.ordinal()] >= threshold ? Optional.of(best) : Optional.empty();
    }

    /** How strongly the question points to each kind, by {@link Danger#ordinal()}: its probability and word hint. */
    public double[] scores(String normalizedQuestion) {
        double[] p = classifier.probabilities(embed.apply(normalizedQuestion));
        double[] out = new double[Danger.values().length];
        for (Danger d : Danger.values()) {
            out[d.ordinal()] = p[d.ordinal()] + (kinds.get(d).words().matcher(normalizedQuestion).find()
                    ? wordBoost : 0);
        }
        return out;
    }

    /** The same detector deciding with other settings. */
    public DangerDetector with(double otherThreshold, double otherWordBoost) {
        return new DangerDetector(this, otherThreshold, otherWordBoost);
    }

    private DangerDetector(DangerDetector trained, double threshold, double wordBoost) {
        this.kinds = trained.kinds;
        this.classifier = trained.classifier;
        this.embed = trained.embed;
        this.threshold = threshold;
        this.wordBoost = wordBoost;
    }
}
