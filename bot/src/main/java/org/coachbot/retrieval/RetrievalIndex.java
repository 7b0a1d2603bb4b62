package org.coachbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.knowledge.SectionSentences;
import org.coachbot.meaning.LinearClassifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link HybridRetriever} for a knowledge base and serves the latest complete one. A build embeds only
 * sections missing from the {@link EmbeddingCache} and publishes the new retriever in one step when it is whole,
 * so searches during a reload keep using the previous index and never see a half-built one.
 */
public final class RetrievalIndex implements Retriever {
    /**
     * Sections per call to the model: the in-process model spreads a batch over its threads, and a batch of
     * 16 still reports progress every second or so on two cores.
     */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /**
     * No query instruction: with {@link DenseRetriever#BGE_QUERY_PREFIX} dense retrieval alone got Recall@3 0.901
     * instead of 0.923, the hybrid 0.945 instead of 0.956, and the cosine threshold lost 8 on-topic questions instead
     * of 4 when rejecting every off-topic one. Our questions are short and colloquial, closer to the passages'
     * tags than to the queries bge's instruction was trained for.
     */
    public static final String DEFAULT_QUERY_PREFIX = "";

    private final EmbeddingModel model;
    private final EmbeddingCache cache;
    private final Bm25Settings bm25Settings;
    private final HybridSettings hybridSettings;
    private final String queryPrefix;
    private final Object buildLock = new Object();
    private volatile HybridRetriever current;

    /** Everything explicit; {@code cache} decides whether vectors survive a restart. */
    public RetrievalIndex(EmbeddingModel model, EmbeddingCache cache, Bm25Settings bm25Settings,
                          HybridSettings hybridSettings, String queryPrefix) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.cache = Objects.requireNonNull(cache, "cache must not be null");
        this.bm25Settings = Objects.requireNonNull(bm25Settings, "bm25Settings must not be null");
        this.hybridSettings = Objects.requireNonNull(hybridSettings, "hybridSettings must not be null");
        this.queryPrefix = Objects.requireNonNull(queryPrefix, "queryPrefix must not be null");
    }

    /** The measured defaults, with section embeddings cached in {@code dataDir}. */
    public RetrievalIndex(EmbeddingModel model, Path dataDir) {
        this(model, EmbeddingCache.open(dataDir, modelKey(model)), Bm25Settings.defaults(),
                HybridSettings.defaults(), DEFAULT_QUERY_PREFIX);
    }

    /** The in-process bge-small-zh-v1.5 (quantised) model, loaded from its jar; needs no network. */
    public static EmbeddingModel defaultEmbeddingModel() {
        return new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    /** Names a model's cache file: its reported name, or its class when it reports none. */
    public static String modelKey(EmbeddingModel model) {
        String name = model.modelName();
        return name == null || name.isBlank() || name.equals("unknown") ? model.getClass().getSimpleName() : name;
    }

    /** Builds a complete retriever and makes it the one {@link #search} uses. */
    public HybridRetriever rebuild(KnowledgeBase knowledge, IndexProgress progress) {
        synchronized (buildLock) {
            HybridRetriever built = build(knowledge, progress);
            current = built;
            return built;
        }
    }

    /**
     * Builds a complete retriever without publishing it; section and uncovered-topic embeddings come from the
     * cache when possible. Questions are normalised with the knowledge's glossary.
     */
    public HybridRetriever build(KnowledgeBase knowledge, IndexProgress progress) {
        Objects.requireNonNull(knowledge, "knowledge must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        synchronized (buildLock) {
            QueryNormalizer normalizer = new QueryNormalizer(knowledge.glossary());
            List<Section> sections = knowledge.sections();
            List<String> topics = knowledge.glossary().notCovered();
            List<String> texts = new ArrayList<>(sections.size() + topics.size());
            sections.forEach(s -> texts.add(DenseRetriever.passageText(s, normalizer)));
            topics.forEach(t -> texts.add(normalizer.normalize(t)));
            int passages = texts.size();
            sections.forEach(s -> SectionSentences.of(s).forEach(
                    sentence -> texts.add(SentenceVectors.text(sentence.text(), normalizer))));
            int sentenceEnd = texts.size();
            sections.forEach(s -> s.asks().forEach(q -> texts.add(SentenceVectors.text(q, normalizer))));
            int askEnd = texts.size();
            List<String> outside = knowledge.glossary().notCoveredQuestions();
            outside.forEach(q -> texts.add(SentenceVectors.text(q, normalizer)));
            List<float[]> vectors = embed(texts, progress);
            Bm25Retriever bm25 = new Bm25Retriever(sections, bm25Settings, normalizer);
            DenseRetriever dense = new DenseRetriever(sections, vectors.subList(0, sections.size()), model,
                    normalizer, queryPrefix, DenseRetriever.DEFAULT_MIN_SCORE);
            UncoveredTopics uncovered = new UncoveredTopics(topics, vectors.subList(sections.size(), passages));
            SentenceVectors sentenceVectors = SentenceVectors.of(sections, vectors.subList(passages, sentenceEnd));
            SentenceVectors askVectors = SentenceVectors.of(sections, vectors.subList(sentenceEnd, askEnd),
                    s -> s.asks().size());
            List<float[]> inside = new ArrayList<>(vectors.subList(passages, askEnd));
            Optional<LinearClassifier> scope = scope(vectors.subList(sections.size(), passages),
                    vectors.subList(askEnd, texts.size()), inside);
            return new HybridRetriever(bm25, dense, hybridSettings, normalizer,
                    new QuestionSpace(uncovered, sentenceVectors, askVectors, scope));
        }
    }

    /**
     * What a question outside the material sounds like: the glossary's uncovered topics and questions against what
     * the sections say and the questions they answer; empty when either side has nothing to learn from.
     */
    private static Optional<LinearClassifier> scope(List<float[]> topics, List<float[]> outside,
                                                    List<float[]> inside) {
        List<float[]> positives = new ArrayList<>();
        topics.forEach(v -> positives.add(DenseRetriever.unit(v)));
        outside.forEach(v -> positives.add(DenseRetriever.unit(v)));
        if (positives.isEmpty() || inside.isEmpty()) {
            return Optional.empty();
        }
        List<float[]> negatives = inside.stream().map(DenseRetriever::unit).toList();
        return Optional.of(LinearClassifier.train(List.of(positives), negatives, LinearClassifier.DEFAULT_EPOCHS));
    }

    /** The retriever in service, empty before the first {@link #rebuild}. */
    public Optional<HybridRetriever> current() {
        return Optional.ofNullable(current);
    }

    /** Searches the retriever in service; before the first build nothing is known, so nothing is found. */
    @Override
    public List<Hit> search(String query, int maxResults) {
        HybridRetriever r = current;
        return r == null ? List.of() : r.search(query, maxResults);
    }

    /** Judges the question with the retriever in service; before the first build every question is off-topic. */
    @Override
    public Retrieval retrieve(String query, int maxResults) {
        HybridRetriever r = current;
        return r == null ? Retrieval.offTopic() : r.retrieve(query, maxResults);
    }

    private List<float[]> embed(List<String> texts, IndexProgress progress) {
        int total = texts.size();
        float[][] vectors = new float[total][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Optional<float[]> cached = cache.get(texts.get(i));
            if (cached.isPresent()) {
                vectors[i] = cached.get();
            } else {
                missing.add(i);
            }
        }
        int done = total - missing.size();
        progress.indexed(done, total);
        for (int from = 0; from < missing.size(); from += DEFAULT_BATCH_SIZE) {
            List<Integer> batch = missing.subList(from, Math.min(from + DEFAULT_BATCH_SIZE, missing.size()));
            List<TextSegment> segments = batch.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            List<Embedding> embeddings = model.embedAll(segments).content();
            if (embeddings.size() != batch.size()) {
                throw new IllegalStateException("embedding model returned " + embeddings.size() + " vectors for "
                        + batch.size() + " texts");
            }
            for (int j = 0; j < batch.size(); j++) {
                float[] v = embeddings.get(j).vector();
                vectors[batch.get(j)] = v;
                cache.put(texts.get(batch.get(j)), v);
            }
            done += batch.size();
            progress.indexed(done, total);
        }
        int before = cache.size();
        cache.retainOnly(texts);
        if (!missing.isEmpty() || cache.size() != before) {
            cache.save();
        }
        return List.of(vectors);
    }
}
