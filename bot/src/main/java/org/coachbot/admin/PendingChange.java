package org.coachbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The one knowledge change under way, kept in a file while it is applied so a restart can finish or drop it. */
final class PendingChange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /**
     * @param version  the version the change seals, or the one a rollback returns to
     * @param from     the version in service when the change began
     * @param action   a {@link KnowledgeChange.Action} name, or {@code ROLLBACK}
     */
    record Record(int version, int from, String action, String file, long userId, String user,
                  Instant at) {
    }

    PendingChange(Path file) {
        this.file = file;
    }

    void write(Record r) {
        ObjectNode n = JSON.createObjectNode().put("version", r.version())
                .put("from", r.from()).put("action", r.action()).put("file", r.file()).put("userId", r.userId())
                .put("user", r.user()).put("at", r.at().toString());
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The change under way; empty when none is, or when the record cannot be read (it is then ignored). */
    Optional<Record> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(new Record(n.path("version").asInt(),
                    n.path("from").asInt(), n.path("action").asText(), n.path("file").asText(),
                    n.path("userId").asLong(), n.path("user").asText(), Instant.parse(n.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
