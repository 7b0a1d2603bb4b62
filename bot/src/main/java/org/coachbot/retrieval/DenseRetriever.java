package org.coachbot.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.knowledge.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Semantic retrieval: cosine similarity between the query embedding and every section embedding. With a
 * knowledge base of a few hundred sections a brute-force scan takes microseconds, so no vector index is needed.
 */
public final class DenseRetriever implements Retriever {
    /**
     * The instruction bge-small-zh-v1.5 was trained with for short queries against passages; passages get no
     * prefix. Whether it helps on our questions is measured by {@code RetrievalBenchmark}.
     */
    public static final String BGE_QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章:";
    /** The hybrid's off-topic threshold, measured on the evaluation set; see {@link HybridSettings}. */
    public static final double DEFAULT_MIN_SCORE = HybridSettings.DEFAULT_MIN_COSINE;

    private final List<Section> sections;
    private final float[][] vectors;
    private final EmbeddingModel model;
    private final QueryNormalizer normalizer;
    private final String queryPrefix;
    private final double minScore;

    /**
     * @param sections    the sections, in the order of {@code vectors}
     * @param vectors     the embedding of {@link #passageText} of each section
     * @param model       embeds the queries; must be the model that produced {@code vectors}
     * @param queryPrefix prepended to each normalised query before embedding, empty for none
     * @param minScore    cosine the closest section needs, else {@link #search} finds the question off-topic
     */
    public DenseRetriever(List<Section> sections, List<float[]> vectors, EmbeddingModel model,
                          QueryNormalizer normalizer, String queryPrefix, double minScore) {
        this.sections = List.copyOf(sections);
        if (vectors.size() != this.sections.size()) {
            throw new IllegalArgumentException("got " + vectors.size() + " vectors for " + this.sections.size()
                    + " sections");
        }
        this.vectors = new float[vectors.size()][];
        for (int i = 0; i < this.vectors.length; i++) {
            this.vectors[i] = unit(vectors.get(i));
        }
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer must not be null");
        this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix must not be null");
        this.minScore = minScore;
    }

    /** The text embedded for a section: heading, tags and body, normalised like the queries. */
    public static String passageText(Section section, QueryNormalizer normalizer) {
        return normalizer.normalize(section.title() + "\n" + String.join(" ", section.tags()) + "\n"
                + section.prose().replace(Section.EDITORIAL_MARK, ""));
    }

    /**
     * Like the hybrid, the threshold judges the question by its closest section: a cut per hit would drop correct
     * second and third hits whose cosine is just below it.
     */
    @Override
    public List<Hit> search(String query, int maxResults) {
        List<Hit> hits = rank(query, maxResults);
        return hits.isEmpty() || hits.get(0).score() < minScore ? List.of() : hits;
    }

    /** The {@code maxResults} most similar sections, best first, without the relevance threshold. */
    public List<Hit> rank(String query, int maxResults) {
        return rankNormalized(normalizer.question(query), maxResults);
    }

    /** {@link #rank} for a query {@link QueryNormalizer#question} has already normalised. */
    List<Hit> rankNormalized(String normalized, int maxResults) {
        if (maxResults <= 0) {
            throw new IllegalArgumentException("maxResults must be > 0");
        }
        if (normalized.isEmpty() || sections.isEmpty()) {
            return List.of();
        }
        return rank(embedQuery(normalized), maxResults);
    }

    /** Ranks sections against an already embedded query, for callers that reuse the query vector. */
    List<Hit> rank(float[] queryVector, int maxResults) {
        float[] q = unit(queryVector);
        List<Hit> hits = new ArrayList<>(sections.size());
        for (int i = 0; i < vectors.length; i++) {
            hits.add(new Hit(sections.get(i), dot(q, vectors[i])));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return List.copyOf(hits.subList(0, Math.min(maxResults, hits.size())));
    }

    /** Embeds a normalised query with the prefix. */
    float[] embedQuery(String normalizedQuery) {
        return model.embed(queryPrefix + normalizedQuery).content().vector();
    }

    /** Number of indexed sections. */
    public int size() {
        return sections.size();
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("query has dimension " + a.length + " but sections have " + b.length
                    + "; the index was built with another embedding model");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            return v.clone();
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
