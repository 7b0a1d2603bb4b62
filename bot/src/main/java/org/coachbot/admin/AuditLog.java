package org.coachbot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every knowledge change (who, when, what, version, result) as one JSON line in {@code DATA_DIR/audit.log}. */
final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** One recorded change. */
    record Entry(Instant at, long userId, String user, String action, String file, int version, String result) {
    }

    AuditLog(Path dataDir) {
        this.file = dataDir.resolve("audit.log");
    }

    synchronized void record(Entry e) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", e.at().toString()).put("userId", e.userId()).put("user", e.user())
                .put("action", e.action()).put("file", e.file()).put("version", e.version())
                .put("result", e.result());
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the audit log " + file, ex);
        }
    }

    /** The newest entries first. */
    synchronized List<Entry> recent(int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
                var n = JSON.readTree(lines.get(i));
                out.add(new Entry(Instant.parse(n.path("at").asText()), n.path("userId").asLong(),
                        n.path("user").asText(), n.path("action").asText(), n.path("file").asText(),
                        n.path("version").asInt(), n.path("result").asText()));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the audit log " + file, ex);
        }
        return out;
    }
}
