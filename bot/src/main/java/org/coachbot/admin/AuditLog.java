package org.coachbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every knowledge change (who, when, what, the version it started from and the one it made, the result) as one
 * JSON line in {@code DATA_DIR/audit.log}. Each entry is written by replacing the file in one step, so a crash
 * leaves the log with or without the entry, never with half of it.
 */
final class AuditLog {
    /** Result of a change that went live. */
    static final String OK = "ok";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /**
     * One recorded change.
     *
     * @param from    the version in service before
     * @param version the version the change made; equal to {@code from} for a change that was refused
     * @param result  {@link #OK}, or why it was refused
     */
    record Entry(Instant at, long userId, String user, String action, String file, int from, int version,
                 String result) {
        Entry {
            Objects.requireNonNull(at, "at must not be null");
            user = user == null ? "" : user;
            Objects.requireNonNull(action, "action must not be null");
            file = file == null ? "" : file;
            Objects.requireNonNull(result, "result must not be null");
        }

        boolean accepted() {
            return result.equals(OK);
        }
    }

    AuditLog(Path dataDir) {
        this.file = dataDir.resolve("audit.log");
    }

    synchronized void record(Entry e) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", e.at().toString()).put("userId", e.userId()).put("user", e.user())
                .put("action", e.action()).put("file", e.file()).put("from", e.from()).put("version", e.version())
                .put("result", e.result());
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (Files.exists(file)) {
                byte[] old = Files.readAllBytes(file);
                all.write(old);
                if (old.length > 0 && old[old.length - 1] != '\n') {
                    all.write('\n');
                }
            }
            all.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(file, all.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the audit log " + file, ex);
        }
    }

    /** The newest entries first; a line that cannot be read (edited by hand) is skipped. */
    synchronized List<Entry> recent(int limit) {
        List<Entry> out = new ArrayList<>();
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
            parse(lines.get(i)).ifPresent(out::add);
        }
        return out;
    }

    /** True when the accepted change made at {@code at} that led to {@code version} by {@code action} is recorded. */
    synchronized boolean has(String action, int version, Instant at) {
        return lines().stream().map(AuditLog::parse).flatMap(Optional::stream)
                .anyMatch(e -> e.accepted() && e.version() == version && e.action().equals(action)
                        && e.at().equals(at));
    }

    private List<String> lines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the audit log " + file, ex);
        }
    }

    private static Optional<Entry> parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.has("at")) {
                return Optional.empty();
            }
            int version = n.path("version").asInt();
            return Optional.of(new Entry(Instant.parse(n.path("at").asText()), n.path("userId").asLong(),
                    n.path("user").asText(), n.path("action").asText(), n.path("file").asText(),
                    n.path("from").asInt(version), version, n.path("result").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
