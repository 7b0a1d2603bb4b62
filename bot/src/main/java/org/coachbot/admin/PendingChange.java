package org.coachbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The one knowledge change under way, kept in a file while it is applied so a restart can finish or drop it. */
final class PendingChange {
    private static final Logger log = LoggerFactory.getLogger(PendingChange.class);
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

    /**
     * At start: completes a change whose version was sealed before a crash (audit entry if missing, folder brought
     * to the version, version in service), or drops one that was not.
     *
     * @return what the admins should hear; nothing for edits on disk, which no admin waits on
     */
    Optional<String> finish(KnowledgeVersions versions, AuditLog audit, ShippedManifest manifest, Clock clock,
                            Texts texts) {
        Optional<Record> found = read();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Record p = found.get();
        String action = p.action().toLowerCase(Locale.ROOT);
        boolean folderEdit = action.equals("start") || action.equals("disk") || action.equals("reload");
        // The start that finds a seed or an upgrade dropped makes it again at once: nothing for an admin to redo.
        boolean redoneNow = action.equals("seed") || action.equals("upgrade");
        String what = describe(p, texts);
        Optional<String> notice;
        if (versions.sealed(p.version())) {
            if (!audit.has(action, p.version(), p.at())) {
                audit.record(new AuditLog.Entry(p.at(), p.userId(), p.user(), action, p.file(), p.from(),
                        p.version(), AuditLog.OK));
            }
            if (!folderEdit) {
                versions.restore(p.version());
            }
            versions.point(p.version());
            manifest.adopt(versions.files(p.version()));
            log.warn("completed a knowledge change that a stop interrupted: {} (version {})", what, p.version());
            notice = Optional.of(texts.get("recovered.done", what, p.version()));
        } else {
            audit.record(new AuditLog.Entry(clock.instant(), p.userId(), p.user(), action, p.file(), p.from(),
                    p.from(), texts.get("recovered.dropped.result")));
            log.warn("dropped a knowledge change that a stop interrupted before it took effect: {}", what);
            notice = redoneNow ? Optional.empty() : Optional.of(texts.get("recovered.dropped", what, p.from()));
        }
        clear();
        return folderEdit ? Optional.empty() : notice;
    }

    private static String describe(Record p, Texts texts) {
        try {
            return texts.get("change." + p.action().toLowerCase(Locale.ROOT), p.file(), p.user());
        } catch (IllegalStateException unknown) {
            return p.action() + " " + p.file();
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
