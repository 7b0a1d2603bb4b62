package org.coachbot.retrieval;

import java.util.List;
import java.util.Optional;

/**
 * The glossary's customer-service topics that the training material does not cover, with their embeddings, so a
 * question about one of them can be told from a question the material answers.
 */
public final class UncoveredTopics {
    /** No known topics: every question is judged by the sections alone. */
    public static final UncoveredTopics NONE = new UncoveredTopics(List.of(), List.of());

    private final List<String> topics;
    private final float[][] vectors;

    /** A topic and how close a question is to it. */
    public record Match(String topic, double cosine) {
    }

    /** @param vectors the embedding of each topic's normalised text, in the order of {@code topics} */
    public UncoveredTopics(List<String> topics, List<float[]> vectors) {
        this.topics = List.copyOf(topics);
        if (vectors.size() != this.topics.size()) {
            throw new IllegalArgumentException("got " + vectors.size() + " vectors for " + this.topics.size()
                    + " topics");
        }
        this.vectors = new float[vectors.size()][];
        for (int i = 0; i < this.vectors.length; i++) {
            this.vectors[i] = DenseRetriever.unit(vectors.get(i));
        }
    }

    /** The topic closest to an embedded question, empty when there are no topics. */
    public Optional<Match> closest(float[] queryVector) {
        float[] q = DenseRetriever.unit(queryVector);
        Match best = null;
        for (int i = 0; i < vectors.length; i++) {
            double cosine = DenseRetriever.dot(q, vectors[i]);
            if (best == null || cosine > best.cosine()) {
                best = new Match(topics.get(i), cosine);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Number of topics. */
    public int size() {
        return topics.size();
    }
}
