package org.coachbot.safety;

import org.coachbot.meaning.LinearClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recognises a question about a caller in danger by meaning, before any ordinary retrieval: a classifier over
 * sentence embeddings learns whether a question is about any danger at all (every kind's examples against
 * alarming-sounding ordinary calls) and which kind it is (each kind's examples against the others'); the kind's own
 * words are a further hint. Hyperbole ("气死我了"), a customer threatening the
 * police over a dispute or a fraud that happened last month stay ordinary questions.
 */
public final class DangerDetector implements DangerCheck {
    /**
     * How likely a question must be about a danger for its steps to come before any ordinary tip. Checked on the
     * blind set safety-t3 before its rows became examples (60 questions in danger, 90 near-misses): 0.55, 0.6 and
     * 0.65 recognise 51, 51 and 48 questions as their kind with 5, 3 and 2 near-misses taken for a danger.
     */
    public static final double DEFAULT_THRESHOLD = 0.6;
    /** What the kind's own words add to its probability: a hint, never enough alone. */
    public static final double DEFAULT_WORD_BOOST = 0.25;
    /**
     * Below the threshold but at least this likely, a danger is plausible: the steps are given when the only other
     * answer would be a decline, or when retrieval itself finds the steps' section closest.
     */
    public static final double DEFAULT_PLAUSIBLE = 0.45;

    private final Map<Danger, DangerSignals.Kind> kinds;
    private final LinearClassifier classifier;
    private final List<float[]> dangerVectors;
    private final List<List<float[]>> kindVectors;
    private final List<float[]> noneVectors;
    private final Pattern hyperbole;
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
        List<float[]> any = new ArrayList<>();
        for (Danger d : Danger.values()) {
            List<float[]> vectors = embedAll.apply(kinds.get(d).examples());
            examples.add(vectors);
            any.addAll(vectors);
        }
        // The last class pools every kind: whether there is a danger at all is learned from all their examples.
        examples.add(any);
        List<float[]> none = embedAll.apply(signals.none());
        this.classifier = LinearClassifier.train(examples, none, LinearClassifier.DEFAULT_EPOCHS);
        this.dangerVectors = List.copyOf(any);
        this.kindVectors = List.copyOf(examples.subList(0, Danger.values().length));
        this.noneVectors = List.copyOf(none);
        this.hyperbole = signals.hyperbole();
    }

    /**
     * The danger a normalised question is about, if any: when the question is about a danger at all, the kind it
     * points to most.
     */
    @Override
    public Optional<Danger> detect(String normalizedQuestion) {
        return judge(normalizedQuestion).filter(j -> j.danger() >= threshold).map(Judgement::kind);
    }

    /**
     * How a question was judged: the kind it points to most and how likely it is about a danger at all.
     *
     * @param danger the learned probability of any danger, with the words' hint, averaged with how much closer the
     *               question is to an example of a danger than to one of an ordinary call; a whole hint less when
     *               exaggerated
     * @param exaggerated whether the question says its danger words as exaggeration, a danger that is over or
     *                    avoided, or a name ("气得要炸了", "以前…已经离婚了", "他没点链接", "炸弹人皮肤")
     */
    public record Judgement(Danger kind, double danger, boolean exaggerated) {
    }

    /**
     * The danger a question is about when it is at least plausible (see {@link #DEFAULT_PLAUSIBLE}); never when its
     * danger words are exaggeration, over or a name: such a question gets the steps only when recognised outright.
     */
    @Override
    public Optional<Danger> plausible(String normalizedQuestion) {
        return judge(normalizedQuestion).filter(j -> j.danger() >= DEFAULT_PLAUSIBLE && !j.exaggerated())
                .map(Judgement::kind);
    }

    /** The judgement of a normalised question; empty for a blank one. */
    public Optional<Judgement> judge(String normalizedQuestion) {
        if (normalizedQuestion.isBlank()) {
            return Optional.empty();
        }
        float[] q = embed.apply(normalizedQuestion);
        double[] p = classifier.probabilities(q);
        // "贵得我想跳楼", "气得心脏病都要犯了": a degree complement is hyperbole, and the danger words in it no hint.
        boolean exaggerated = hyperbole.matcher(normalizedQuestion).find();
        Danger best = null;
        double bestScore = 0;
        boolean words = false;
        for (Danger d : Danger.values()) {
            boolean hint = !exaggerated && kinds.get(d).words().matcher(normalizedQuestion).find();
            // The kind is what the learned direction, the words and the closest example agree on most.
            double score = p[d.ordinal()] + (hint ? wordBoost : 0)
                    + NEAREST_SCALE * closest(q, kindVectors.get(d.ordinal())) / 2;
            if (best == null || score > bestScore) {
                best = d;
                bestScore = score;
            }
            words |= hint;
        }
        double learned = p[Danger.values().length] + (words ? wordBoost : 0);
        double nearest = 0.5 + NEAREST_SCALE * (closest(q, dangerVectors) - closest(q, noneVectors));
        // Exaggeration takes away a whole hint: "鸭血粉丝汤" or "新闻里说有人跳楼" still sound like a danger.
        return Optional.of(new Judgement(best, (learned + nearest) / 2 - (exaggerated ? wordBoost : 0),
                exaggerated));
    }

    /** Turns the gap between the closest danger example and the closest ordinary one into a probability scale. */
    static final double NEAREST_SCALE = 5;

    private static double closest(float[] q, List<float[]> vectors) {
        double best = -1;
        for (float[] v : vectors) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += q[i] * v[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }

    /** The same detector deciding with other settings. */
    public DangerDetector with(double otherThreshold, double otherWordBoost) {
        return new DangerDetector(this, otherThreshold, otherWordBoost);
    }

    private DangerDetector(DangerDetector trained, double threshold, double wordBoost) {
        this.kinds = trained.kinds;
        this.classifier = trained.classifier;
        this.dangerVectors = trained.dangerVectors;
        this.kindVectors = trained.kindVectors;
        this.noneVectors = trained.noneVectors;
        this.hyperbole = trained.hyperbole;
        this.embed = trained.embed;
        this.threshold = threshold;
        this.wordBoost = wordBoost;
    }
}
