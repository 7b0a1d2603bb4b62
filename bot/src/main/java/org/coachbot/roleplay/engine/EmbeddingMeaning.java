package org.coachbot.roleplay.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link Meaning} by embeddings of the in-process model: cosines to example phrases, and the rubric's moves by a
 * {@link MoveClassifier} trained on its examples. Example phrases and recent trainee clauses are kept in a bounded
 * cache, so a turn embeds only the trainee's new clauses (about 1-3 ms each on two cores). The classifier of the
 * rubric in use is kept until the rubric changes; training takes about a second and is done ahead by
 * {@link #prepare(Rubric)}.
 */
public final class EmbeddingMeaning implements Meaning {
    /** Every example phrase of the rubric and fifteen scenarios is about 2,000 texts; the rest holds recent lines. */
    public static final int DEFAULT_CACHE_SIZE = 20_000;
    /** Texts per call to the model when warming up. */
    static final int BATCH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingMeaning.class);
    private final EmbeddingModel model;
    private final Cache<String, float[]> vectors;
    private final Cache<String, String> normalisedExamples = Caffeine.newBuilder().maximumSize(DEFAULT_CACHE_SIZE)
            .build();
    private final EmbeddingCache phrases;
    /** Classifiers of example maps passed again and again (the customer's tone), by the identity of the map. */
    private final Cache<Map<MoveKind, List<String>>, MoveClassifier> classifiers = Caffeine.newBuilder().weakKeys()
            .maximumSize(8).build();
    /** The rubric the classifier was trained for, compared by identity: a reload builds a new rubric. */
    private Rubric trainedFor;
    private MoveClassifier classifier;

    /**
     * @param phrases where example phrases' vectors are kept between runs, so a restart embeds only new or edited
     *                phrases (about 2,200 phrases take 5-10 s to embed on two cores)
     */
    public EmbeddingMeaning(EmbeddingModel model, int cacheSize, EmbeddingCache phrases) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.phrases = Objects.requireNonNull(phrases, "phrases must not be null");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be > 0");
        }
        this.vectors = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public EmbeddingMeaning(EmbeddingModel model, EmbeddingCache phrases) {
        this(model, DEFAULT_CACHE_SIZE, phrases);
    }

    /** Keeps phrase vectors in memory only. */
    public EmbeddingMeaning(EmbeddingModel model) {
        this(model, DEFAULT_CACHE_SIZE, EmbeddingCache.inMemory());
    }

    @Override
    public double closeness(List<String> clauses, List<String> examples) {
        double best = 0;
        if (clauses.isEmpty() || examples.isEmpty()) {
            return best;
        }
        List<float[]> lineVectors = clauses.stream().map(this::vector).toList();
        for (String example : examples) {
            float[] e = exampleVector(example);
            for (float[] c : lineVectors) {
                best = Math.max(best, dot(c, e));
            }
        }
        return best;
    }

    @Override
    public double[][] classify(Map<MoveKind, List<String>> examples, List<String> neutral, List<String> clauses) {
        MoveClassifier c = classifiers.get(examples, e -> {
            List<String> all = new ArrayList<>(neutral);
            e.values().forEach(all::addAll);
            warm(all);
            Map<MoveKind, List<float[]>> vectors = new EnumMap<>(MoveKind.class);
            e.forEach((k, texts) -> vectors.put(k, texts.stream().map(this::exampleVector).toList()));
            return MoveClassifier.train(vectors, neutral.stream().map(this::exampleVector).toList(),
                    MoveClassifier.DEFAULT_EPOCHS);
        });
        double[][] out = new double[clauses.size()][];
        for (int i = 0; i < clauses.size(); i++) {
            out[i] = c.probabilities(vector(clauses.get(i)));
        }
        return out;
    }

    @Override
    public double[][] moves(Rubric rubric, List<String> clauses) {
        MoveClassifier c = classifier(rubric);
        double[][] out = new double[clauses.size()][];
        for (int i = 0; i < clauses.size(); i++) {
            out[i] = c.probabilities(vector(clauses.get(i)));
        }
        return out;
    }

    /** Trains the rubric's move classifier now, so the first trainee turn after a (re)load does not wait for it. */
    public void prepare(Rubric rubric) {
        classifier(rubric);
        ToneListener.prepareShipped(this, rubric);
    }

    private synchronized MoveClassifier classifier(Rubric rubric) {
        if (trainedFor != rubric) {
            List<String> all = new ArrayList<>(rubric.neutral());
            rubric.detectors().forEach(d -> all.addAll(d.examples()));
            warm(all);
            Map<MoveKind, List<float[]>> examples = new EnumMap<>(MoveKind.class);
            for (Detector d : rubric.detectors()) {
                for (String e : d.examples()) {
                    examples.computeIfAbsent(d.move(), k -> new ArrayList<>()).add(vector(TextNormalizer.normalize(e)));
                }
            }
            List<float[]> neutral = rubric.neutral().stream().map(t -> vector(TextNormalizer.normalize(t))).toList();
            classifier = MoveClassifier.train(examples, neutral, MoveClassifier.DEFAULT_EPOCHS);
            trainedFor = rubric;
        }
        return classifier;
    }

    /**
     * Embeds the phrases not embedded yet, in batches, so the first trainee turn does not pay for them; vectors
     * found in the phrase cache are taken from it, and new ones are added to it and saved.
     */
    public void warm(Collection<String> texts) {
        Set<String> missing = new LinkedHashSet<>();
        for (String p : texts) {
            String n = TextNormalizer.normalize(p);
            if (vectors.getIfPresent(n) != null || missing.contains(n)) {
                continue;
            }
            phrases.get(n).ifPresentOrElse(v -> vectors.put(n, unit(v)), () -> missing.add(n));
        }
        List<String> todo = new ArrayList<>(missing);
        for (int i = 0; i < todo.size(); i += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                break; // the bot is closing: keep what is embedded, the rest is embedded when first needed
            }
            List<String> batch = todo.subList(i, Math.min(todo.size(), i + BATCH));
            var embedded = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                float[] v = embedded.get(j).vector();
                phrases.put(batch.get(j), v);
                vectors.put(batch.get(j), unit(v));
            }
        }
        if (!missing.isEmpty()) {
            try {
                phrases.save();
            } catch (UncheckedIOException e) {
                // Only the next start pays for it: the vectors are in memory.
                LOG.warn("cannot keep phrase vectors: {}",
                        e.getMessage());
            }
        }
    }

    /**
     * The vector of an example phrase as written in a file; the phrase is normalised once, not on every turn that
     * compares a line with it (a turn compares its questions with every example of the fact sheet).
     */
    private float[] exampleVector(String example) {
        String normalised = normalisedExamples.get(example, TextNormalizer::normalize);
        return vector(normalised);
    }

    private float[] vector(String normalised) {
        return vectors.get(normalised, t -> unit(model.embed(t).content().vector()));
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        double n = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
