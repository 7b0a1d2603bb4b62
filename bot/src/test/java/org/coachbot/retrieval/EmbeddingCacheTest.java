package org.coachbot.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingCacheTest {
    @TempDir
    Path dataDir;

    @Test
    void should_read_back_saved_vectors_after_a_restart() {
        // given
        EmbeddingCache cache = EmbeddingCache.open(dataDir, "model");
        cache.put("客户不说话", new float[]{1f, 2f, 3f});
        cache.put("电话响三声", new float[]{4f, 5f, 6f});

        // when
        cache.save();
        EmbeddingCache reopened = EmbeddingCache.open(dataDir, "model");

        // then
        assertEquals(2, reopened.size());
        assertArrayEquals(new float[]{1f, 2f, 3f}, reopened.get("客户不说话").orElseThrow());
        assertTrue(reopened.get("别的文本").isEmpty());
    }

    @Test
    void should_start_empty_when_the_file_is_corrupt() throws IOException {
        // given
        EmbeddingCache cache = EmbeddingCache.open(dataDir, "model");
        cache.put("客户不说话", new float[]{1f, 2f, 3f});
        cache.save();
        Path file = cache.file().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);

        // when
        EmbeddingCache reopened = EmbeddingCache.open(dataDir, "model");

        // then
        assertEquals(0, reopened.size());
    }

    @Test
    void should_start_empty_when_the_file_is_truncated_or_garbage() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(dataDir, "model");
        cache.put("客户不说话", new float[]{1f, 2f, 3f});
        cache.save();
        Path file = cache.file().orElseThrow();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        assertEquals(0, EmbeddingCache.open(dataDir, "model").size());

        Files.writeString(file, "not a cache");
        assertEquals(0, EmbeddingCache.open(dataDir, "model").size());
    }

    @Test
    void should_leave_only_the_cache_file_after_saving() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(dataDir, "bge/small zh");
        cache.put("客户不说话", new float[]{1f});

        cache.save();
        cache.save();

        try (Stream<Path> files = Files.list(dataDir)) {
            assertEquals(List.of("embeddings-bge_small_zh.bin"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void should_drop_vectors_of_texts_no_longer_used() {
        EmbeddingCache cache = EmbeddingCache.inMemory();
        cache.put("旧文本", new float[]{1f});
        cache.put("新文本", new float[]{2f});

        cache.retainOnly(List.of("新文本"));

        assertTrue(cache.get("旧文本").isEmpty());
        assertTrue(cache.get("新文本").isPresent());
    }
}
