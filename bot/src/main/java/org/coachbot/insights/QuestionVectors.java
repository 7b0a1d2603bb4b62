package org.coachbot.insights;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.coachbot.retrieval.RetrievalIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Unit embeddings of logged questions for grouping, of their {@link QuestionText} keys. A question is embedded
 * once: the vector is kept in the log, and a wording asked many times is embedded once per call.
 */
final class QuestionVectors {
    /** Texts per call to the model: the in-process model spreads a batch over its threads. */
    static final int BATCH = 32;
    private final EmbeddingModel model;
    private final String modelKey;
    private final SqliteQuestionLog log;
    private final QuestionText text;

    QuestionVectors(EmbeddingModel model, SqliteQuestionLog log, QuestionText text) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.text = Objects.requireNonNull(text, "text must not be null");
        // Vectors of another model, or of texts framed by other words, are not comparable: they are made again.
        this.modelKey = RetrievalIndex.modelKey(model) + "|framing:" + text.version();
    }

    /** The text a question is compared by: two questions with the same key are the same wording. */
    String key(String question) {
        return text.key(question);
    }

    /** Hears how far embedding has come: {@code (0, total)} before the first batch, then after each batch. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> { };

        void embedded(int done, int total);
    }

    /** A unit vector per question id; texts without a stored vector are embedded, in batches. */
    Map<Long, float[]> of(List<LoggedQuestion> questions, Progress progress) {
        Map<Long, float[]> out = new HashMap<>(log.vectors(ids(questions), modelKey));
        Map<String, List<Long>> todo = new LinkedHashMap<>();
        for (LoggedQuestion q : questions) {
            if (!out.containsKey(q.id())) {
                todo.computeIfAbsent(key(q.text()), k -> new ArrayList<>()).add(q.id());
            }
        }
        List<String> texts = List.copyOf(todo.keySet());
        Map<Long, float[]> computed = new HashMap<>();
        if (!texts.isEmpty()) {
            progress.embedded(0, texts.size());
        }
        for (int i = 0; i < texts.size(); i += BATCH) {
            List<String> batch = texts.subList(i, Math.min(texts.size(), i + BATCH));
            var embedded = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                float[] unit = unit(embedded.get(j).vector());
                todo.get(batch.get(j)).forEach(id -> computed.put(id, unit));
            }
            progress.embedded(i + batch.size(), texts.size());
        }
        if (!computed.isEmpty()) {
            log.saveVectors(computed, modelKey);
            out.putAll(computed);
        }
        return out;
    }

    private static List<Long> ids(List<LoggedQuestion> questions) {
        return questions.stream().map(LoggedQuestion::id).toList();
    }

    static float[] unit(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += x * x;
        }
        double n = Math.sqrt(squares);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return out;
    }
}
