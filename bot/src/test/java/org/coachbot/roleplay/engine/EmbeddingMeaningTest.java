package org.coachbot.roleplay.engine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.coachbot.retrieval.EmbeddingCache;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingMeaningTest {
    /** Character counts hashed into 64 dimensions: texts sharing characters are close. */
    private static final class CharacterModel implements EmbeddingModel {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            embedded.addAndGet(segments.size());
            return Response.from(segments.stream().map(s -> {
                float[] v = new float[64];
                s.text().codePoints().forEach(c -> v[Math.floorMod(c, 64)] += 1);
                return Embedding.from(v);
            }).toList());
        }
    }

    @Test
    void should_embed_example_phrases_once_across_restarts_through_the_phrase_cache(@TempDir Path data) {
        List<String> phrases = List.of("非常抱歉", "我理解您的心情", "请问您的订单号是多少");
        CharacterModel first = new CharacterModel();
        new EmbeddingMeaning(first, EmbeddingCache.open(data, "test-phrases")).warm(phrases);

        CharacterModel second = new CharacterModel();
        EmbeddingMeaning restarted = new EmbeddingMeaning(second, EmbeddingCache.open(data, "test-phrases"));
        restarted.warm(phrases);

        assertEquals(3, first.embedded.get());
        assertEquals(0, second.embedded.get());
        assertTrue(restarted.closeness(List.of("非常抱歉"), List.of("非常抱歉")) > 0.99);
    }

    @Test
    void should_give_each_clause_a_probability_per_move_and_train_once_per_rubric() {
        Rubric rubric = Fixtures.rubric();
        CharacterModel model = new CharacterModel();
        EmbeddingMeaning meaning = new EmbeddingMeaning(model);

        double[][] first = meaning.moves(rubric, List.of("非常抱歉", "请问您的订单号是多少"));
        int afterTraining = model.embedded.get();
        double[][] again = meaning.moves(rubric, List.of("非常抱歉"));

        assertEquals(2, first.length);
        assertEquals(MoveKind.values().length, first[0].length);
        assertEquals(first[0][MoveKind.APOLOGY.ordinal()], again[0][MoveKind.APOLOGY.ordinal()], 1e-9);
        assertEquals(afterTraining, model.embedded.get(), "the rubric's examples are embedded only once");
        assertSame(rubric, Fixtures.rubric());
    }
}
