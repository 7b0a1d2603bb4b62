package org.coachbot.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.coachbot.knowledge.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Combines {@link Bm25Retriever} (exact words, tags, rare terms) with {@link DenseRetriever} (paraphrases, typos).
 * The question is judged first, by cosine: closer to a topic the glossary lists as not covered than to any section
 * (by {@link HybridSettings#uncoveredMargin()}), it is {@link Coverage#UNCOVERED}; with no section reaching
 * {@link HybridSettings#minCosine()}, it is off-topic. Otherwise sections come in {@link HybridSettings#fusion()}
 * order, each scored {@code w · cosine + (1 - w) · normalised BM25}, and those scoring less than
 * {@link HybridSettings#minShareOfBest()} of the best are left out. Answers to recent queries are cached.
 */
public final class HybridRetriever implements Retriever {
    private final Bm25Retriever bm25;
    private final DenseRetriever dense;
    private final HybridSettings settings;
    private final QueryNormalizer normalizer;
    private final UncoveredTopics topics;
    private final SentenceVectors sentences;
    private final SentenceVectors asks;
    private final QuestionSpace space;
    private final Cache<Key, Retrieval> cache;

    private record Key(String normalizedQuery, int maxResults) {
    }

    /** Both retrievers must index the same sections; no topic is known to be uncovered. */
    public HybridRetriever(Bm25Retriever bm25, DenseRetriever dense, HybridSettings settings,
                           QueryNormalizer normalizer) {
        this(bm25, dense, settings, normalizer, UncoveredTopics.NONE);
    }

    /** Both retrievers must index the same sections; {@code topics} must be embedded by the dense model. */
    public HybridRetriever(Bm25Retriever bm25, DenseRetriever dense, HybridSettings settings,
                           QueryNormalizer normalizer, UncoveredTopics topics) {
        this(bm25, dense, settings, normalizer, new QuestionSpace(topics, SentenceVectors.NONE, SentenceVectors.NONE,
                Optional.empty()));
    }

    /** Both retrievers must index the same sections; everything in {@code space} must be embedded by the dense model. */
    public HybridRetriever(Bm25Retriever bm25, DenseRetriever dense, HybridSettings settings,
                           QueryNormalizer normalizer, QuestionSpace space) {
        this.space = Objects.requireNonNull(space, "space must not be null");
        this.topics = space.topics();
        this.sentences = space.sentences();
        this.asks = space.asks();
        this.bm25 = Objects.requireNonNull(bm25, "bm25 must not be null");
        this.dense = Objects.requireNonNull(dense, "dense must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer must not be null");
        if (bm25.size() != dense.size()) {
            throw new IllegalArgumentException("bm25 indexes " + bm25.size() + " sections but dense "
                    + dense.size());
        }
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
    }

    /** The sections that answer the question; empty when it is off-topic or not covered by the material. */
    @Override
    public List<Hit> search(String query, int maxResults) {
        Retrieval r = retrieve(query, maxResults);
        return r.coverage() == Coverage.COVERED ? r.hits() : List.of();
    }

    @Override
    public Retrieval retrieve(String query, int maxResults) {
        if (maxResults <= 0) {
            throw new IllegalArgumentException("maxResults must be > 0");
        }
        String normalized = normalizer.question(query);
        if (normalized.isEmpty()) {
            return Retrieval.offTopic();
        }
        return cache.get(new Key(normalized, maxResults), k -> compute(k.normalizedQuery(), k.maxResults()));
    }

    /** A retriever over the same indexes with other settings; nothing is re-indexed or re-embedded. */
    public HybridRetriever withSettings(HybridSettings other) {
        return new HybridRetriever(bm25, dense, other, normalizer, space);
    }

    /** The same indexes and settings, judging with other uncovered topics (already embedded). */
    public HybridRetriever withTopics(UncoveredTopics other) {
        return new HybridRetriever(bm25, dense, settings, normalizer, new QuestionSpace(other, sentences, asks,
                space.scope()));
    }

    /** The normaliser questions go through, with the glossary of the knowledge it was built for. */
    public QueryNormalizer normalizer() {
        return normalizer;
    }

    /** The settings in use. */
    public HybridSettings settings() {
        return settings;
    }

    /** Number of indexed sections. */
    public int size() {
        return dense.size();
    }

    /** Discards the cached answers, e.g. before measuring uncached latency. */
    public void invalidateCache() {
        cache.invalidateAll();
    }

    /**
     * What the coverage of a question is judged on: the cosine of the closest section, of the closest sentence of
     * any section, of the closest topic the glossary lists as not covered (-1 without topics), and the probability
     * that the question is outside the material.
     */
    public record Evidence(double section, double sentence, double uncoveredTopic, double outside) {
    }

    /** The evidence for a question, as {@link #retrieve} weighs it. */
    public Evidence evidence(String query) {
        String normalized = normalizer.question(query);
        if (normalized.isEmpty() || dense.size() == 0) {
            return new Evidence(-1, -1, -1, 0);
        }
        float[] q = dense.embedQuery(normalized);
        return evidence(q, withAsks(q, dense.rank(q, dense.size())));
    }

    /**
     * The sections by closeness, where a section is as close as its passage or, less {@link
     * HybridSettings#askOffset()}, as its closest example question.
     */
    private List<Hit> withAsks(float[] query, List<Hit> semantic) {
        if (asks.size() == 0) {
            return semantic;
        }
        float[] unit = DenseRetriever.unit(query);
        List<Hit> out = new ArrayList<>(semantic.size());
        for (Hit h : semantic) {
            double ask = asks.best(unit, h.section()) - settings.askOffset();
            out.add(ask > h.score() ? new Hit(h.section(), ask) : h);
        }
        out.sort(Comparator.comparingDouble(Hit::score).reversed());
        return out;
    }

    private Evidence evidence(float[] query, List<Hit> semantic) {
        float[] unit = DenseRetriever.unit(query);
        double sentence = -1;
        for (Hit h : semantic) {
            sentence = Math.max(sentence, sentences.best(unit, h.section()));
        }
        double topic = topics.closest(query).map(UncoveredTopics.Match::cosine).orElse(-1.0);
        return new Evidence(semantic.get(0).score(), sentence, topic, space.outside(unit));
    }

    private Retrieval compute(String normalized, int maxResults) {
        int all = dense.size();
        if (all == 0) {
            return Retrieval.offTopic();
        }
        float[] query = dense.embedQuery(normalized);
        List<Hit> semantic = withAsks(query, dense.rank(query, all));
        double best = semantic.get(0).score();
        // A question is answered when a section, or one sentence of one, is as close to it as the uncovered topic:
        // "客户要马上退款但我做不了主" is near the refund topic but nearer still to the sentence on escalating.
        Evidence evidence = evidence(query, semantic);
        double answered = Math.max(best, evidence.sentence());
        var closest = topics.closest(query);
        boolean nearTopic = closest.filter(t -> t.cosine() >= Math.max(settings.minCosine(),
                answered + settings.uncoveredMargin())).isPresent();
        // The closest section's cosine alone separates on- from off-topic questions best; see HybridSettings.
        if (!nearTopic && best < settings.minCosine()) {
            return Retrieval.offTopic();
        }
        // Questions outside the material share a way of asking (a rule, a number, a system) that the classifier
        // learned from the glossary's examples, even when no listed topic is near; a section or sentence this
        // close answers all the same, as one an admin just wrote for such a question.
        boolean outside = evidence.outside() >= settings.scopeThreshold() && answered < settings.answersAnyway();
        List<Hit> fused = fuse(normalized, semantic, maxResults);
        float[] unit = DenseRetriever.unit(query);
        SentenceScores scores = s -> sentences.scores(unit, s);
        if (!nearTopic && !outside) {
            return Retrieval.covered(fused).with(scores);
        }
        // The gap is named only when a listed topic is really near; otherwise the decline names none.
        String gap = closest.filter(t -> t.cosine() >= settings.minCosine()).map(UncoveredTopics.Match::topic)
                .orElse("");
        return Retrieval.uncovered(fused, gap).with(scores);
    }

    private List<Hit> fuse(String normalized, List<Hit> semantic, int maxResults) {
        List<Hit> lexical = bm25.rankNormalized(normalized, dense.size());
        Map<String, Scores> byId = new HashMap<>();
        for (int i = 0; i < semantic.size(); i++) {
            Hit h = semantic.get(i);
            byId.computeIfAbsent(h.section().id(), id -> new Scores(h.section())).dense(h.score(), i + 1);
        }
        for (int i = 0; i < lexical.size(); i++) {
            Hit h = lexical.get(i);
            byId.computeIfAbsent(h.section().id(), id -> new Scores(h.section())).lexical(h.score(), i + 1);
        }
        List<Scores> fused = new ArrayList<>(byId.values());
        Comparator<Scores> order = settings.fusion() == Fusion.RECIPROCAL_RANK
                ? Comparator.comparingDouble(this::reciprocalRank)
                : Comparator.comparingDouble(this::relevance);
        fused.sort(order.reversed().thenComparing(s -> s.section.id()));
        double floor = settings.minShareOfBest() * fused.stream().mapToDouble(this::relevance).max().orElse(0);
        List<Hit> out = new ArrayList<>(Math.min(maxResults, fused.size()));
        for (Scores s : fused) {
            if (out.size() == maxResults) {
                break;
            }
            double relevance = relevance(s);
            if (relevance >= floor) {
                out.add(new Hit(s.section, relevance));
            }
        }
        return out;
    }

    private double relevance(Scores s) {
        return settings.denseWeight() * s.cosine + (1 - settings.denseWeight()) * s.bm25;
    }

    private double reciprocalRank(Scores s) {
        double sum = 0;
        if (s.denseRank > 0) {
            sum += 1.0 / (settings.rrfK() + s.denseRank);
        }
        if (s.bm25Rank > 0) {
            sum += 1.0 / (settings.rrfK() + s.bm25Rank);
        }
        return sum;
    }

    /** Both retrievers' view of one section; rank 0 means the retriever did not return it. */
    private static final class Scores {
        final Section section;
        double cosine;
        double bm25;
        int denseRank;
        int bm25Rank;

        Scores(Section section) {
            this.section = section;
        }

        void dense(double score, int rank) {
            cosine = score;
            denseRank = rank;
        }

        void lexical(double score, int rank) {
            bm25 = score;
            bm25Rank = rank;
        }
    }
}
