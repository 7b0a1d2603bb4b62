package org.coachbot.insights;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-written embedding model for grouping tests: a text containing one of a topic's words points along that
 * topic's axis, with a little of its characters' hash so wordings differ; a text with no topic word points along
 * an axis of its own. It counts the texts it embeds, so tests can see what was embedded again.
 */
final class TopicEmbeddingModel implements EmbeddingModel {
    private static final int TOPICS = 16;
    private static final int DIMENSION = TOPICS + 64;
    private final Map<String, Integer> topicOfWord;
    final List<String> embedded = new ArrayList<>();

    /** {@code topicOfWord}: e.g. 微信 → 0, 挂 → 1; topics below 16. */
    TopicEmbeddingModel(Map<String, Integer> topicOfWord) {
        this.topicOfWord = Map.copyOf(topicOfWord);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            embedded.add(s.text());
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return "topic-test-model";
    }

    private float[] vector(String text) {
        float[] v = new float[DIMENSION];
        boolean topic = false;
        for (Map.Entry<String, Integer> e : topicOfWord.entrySet()) {
            if (text.contains(e.getKey())) {
                v[e.getValue()] = 1;
                topic = true;
                break;
            }
        }
        // Wording: a small component per character, so two wordings of one topic have a cosine of about 0.95.
        for (int i = 0; i < text.length(); i++) {
            v[TOPICS + Math.floorMod(text.charAt(i), 64)] += topic ? 0.05f : 1;
        }
        return v;
    }
}
