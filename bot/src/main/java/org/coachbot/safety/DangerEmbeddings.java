package org.coachbot.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.retrieval.QueryNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link DangerDetector} on the embedding model retrieval uses: example questions keep their vectors in
 * the data folder, so a restart does not embed them again, and questions asked again are not embedded twice.
 */
public final class DangerEmbeddings {
    /** Distinct recent questions whose vectors are kept; a team asks the same few dozen all day. */
    static final int RECENT_QUESTIONS = 2_000;

    private final EmbeddingModel model;
    private final EmbeddingCache examples;
    private final QueryNormalizer normalizer = new QueryNormalizer();
    private final Cache<String, float[]> recent = Caffeine.newBuilder().maximumSize(RECENT_QUESTIONS).build();

    public DangerEmbeddings(EmbeddingModel model, EmbeddingCache examples) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.examples = Objects.requireNonNull(examples, "examples must not be null");
    }

    /**
     * A detector trained on {@code signals}, with the measured defaults; {@code ordinary} are further questions
     * that are no danger (the ones the knowledge answers, the ones it does not cover), so everyday questions teach
     * the detector what an ordinary call sounds like.
     */
    public DangerDetector detector(DangerSignals signals, List<String> ordinary) {
        List<String> none = new ArrayList<>(signals.none());
        none.addAll(ordinary);
        return new DangerDetector(signals.withNone(none), this::embedExamples, this::embedQuestion,
                DangerDetector.DEFAULT_THRESHOLD, DangerDetector.DEFAULT_WORD_BOOST);
    }

    private float[] embedQuestion(String normalizedQuestion) {
        return recent.get(normalizedQuestion, q -> unit(model.embed(q).content().vector()));
    }

    private List<float[]> embedExamples(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            String n = normalizer.normalize(t);
            if (examples.get(n).isEmpty()) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            var vectors = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                examples.put(missing.get(i), vectors.get(i).vector());
            }
            examples.save();
        }
        for (String t : texts) {
            out.add(unit(examples.get(normalizer.normalize(t)).orElseThrow()));
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float[] out = v.clone();
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
