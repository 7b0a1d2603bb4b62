package org.coachbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.List;

/**
 * A fast, deterministic stand-in for a real embedding model: character bigrams hashed into a small vector, so
 * texts that share words are similar and unrelated texts are nearly orthogonal.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
    static final int DIMENSION = 4096;
    /**
     * Sharing one or two word pairs with a section gives this model a cosine of about 0.1, sharing none about 0;
     * real models score far higher, so tests with this model use this threshold instead of the default.
     */
    static final double MIN_COSINE = 0.05;

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** An index over {@code cache} with the default settings except the threshold, which suits this model. */
    static RetrievalIndex index(EmbeddingModel model, EmbeddingCache cache) {
        return new RetrievalIndex(model, cache, Bm25Settings.defaults(),
                HybridSettings.defaults().withMinCosine(MIN_COSINE), RetrievalIndex.DEFAULT_QUERY_PREFIX);
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        String t = text.replaceAll("\\s+", "");
        for (int i = 0; i + 1 < t.length(); i++) {
            v[Math.floorMod(t.substring(i, i + 2).hashCode(), DIMENSION)] += 1;
        }
        return v;
    }
}
