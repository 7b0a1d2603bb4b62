package org.coachbot.roleplay.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link Meaning} by cosine between embeddings of the in-process model. Example phrases and recent trainee clauses are
 * kept in a bounded cache, so a turn embeds only the trainee's new clauses (about 1-3 ms each on two cores).
 */
public final class EmbeddingMeaning implements Meaning {
    /** Every example phrase of the rubric and fifteen scenarios is about 2,000 texts; the rest holds recent lines. */
    public static final int DEFAULT_CACHE_SIZE = 20_000;
    /** Texts per call to the model when warming up. */
    static final int BATCH = 32;
    private final EmbeddingModel model;
    private final Cache<String, float[]> vectors;

    public EmbeddingMeaning(EmbeddingModel model, int cacheSize) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be > 0");
        }
        this.vectors = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public EmbeddingMeaning(EmbeddingModel model) {
        this(model, DEFAULT_CACHE_SIZE);
    }

    @Override
    public double closeness(List<String> clauses, List<String> examples) {
        double best = 0;
        if (clauses.isEmpty() || examples.isEmpty()) {
            return best;
        }
        List<float[]> lineVectors = clauses.stream().map(this::vector).toList();
        for (String example : examples) {
            float[] e = vector(TextNormalizer.normalize(example));
            for (float[] c : lineVectors) {
                best = Math.max(best, dot(c, e));
            }
        }
        return best;
    }

    /** Embeds the phrases not embedded yet, in batches, so the first trainee turn does not pay for them. */
    public void warm(Collection<String> phrases) {
        List<String> missing = new ArrayList<>();
        for (String p : phrases) {
            String n = TextNormalizer.normalize(p);
            if (vectors.getIfPresent(n) == null && !missing.contains(n)) {
                missing.add(n);
            }
        }
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            var embedded = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(batch.get(j), unit(embedded.get(j).vector()));
            }
        }
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
