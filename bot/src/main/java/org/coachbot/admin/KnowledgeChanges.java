package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeFiles;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLimits;
import org.coachbot.knowledge.KnowledgeState;
import org.coachbot.knowledge.LiveKnowledge;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Changes the knowledge as transactions that a crash cannot leave half done. A change is applied to a copy of the
 * folder, loaded and checked there while the old knowledge keeps serving; then, in this order, a pending-change
 * record is written, the copy is sealed as the new version (the point of no return), the audit entry is written,
 * the folder is brought to the version, the new state is swapped in and the admin is answered, and the record is
 * removed. At start a record left by a crash is completed (the version was sealed) or dropped (it was not), and
 * the admins are told which. Changes run one at a time.
 */
public final class KnowledgeChanges {
    /** Whoever made a change: an admin in the chat, or {@link #FOLDER} for files edited on disk. */
    public record Author(long id, String name) {
        public static final Author FOLDER = new Author(0, "");

        public Author {
            name = name == null ? "" : name;
        }
    }

    /** An accepted change: the state it put in service and what made it. */
    public record Done(KnowledgeState state, KnowledgeChange change) {
    }

    /** An accepted rollback: the state in service now and the change it undid. */
    public record RolledBack(KnowledgeState state, KnowledgeChange undone) {
    }

    private static final Logger log = LoggerFactory.getLogger(KnowledgeChanges.class);
    private final LiveKnowledge live;
    private final Path folder;
    private final KnowledgeVersions versions;
    private final AuditLog audit;
    private final PendingChange pending;
    private final Provenance provenance;
    private final Clock clock;
    private final Consumer<String> steps;
    private final Texts texts = Texts.of("admin");

    public KnowledgeChanges(LiveKnowledge live, Path folder, Path dataDir, Clock clock) {
        this(live, folder, dataDir, clock, step -> {
        });
    }

    /**
     * @param steps told the name of each step of a change as it completes ({@code staged}, {@code pending},
     *              {@code sealed}, {@code audited}, {@code restored}, {@code pointed}, {@code live},
     *              {@code answered}); tests stop the change there as a crash would
     */
    KnowledgeChanges(LiveKnowledge live, Path folder, Path dataDir, Clock clock, Consumer<String> steps) {
        this.steps = Objects.requireNonNull(steps, "steps must not be null");
        this.live = Objects.requireNonNull(live, "live must not be null");
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.versions = new KnowledgeVersions(folder, dataDir);
        this.audit = new AuditLog(dataDir);
        this.pending = new PendingChange(dataDir.resolve("pending-change.json"));
        this.provenance = new Provenance(versions, texts, clock.getZone());
    }

    /**
     * Completes or drops a change a crash interrupted, then puts the folder in service: as the version it was at
     * the last stop, or as a new version when its files were edited meanwhile (or at the very first start).
     *
     * @return what the admins should hear about an interrupted change, if there was one
     */
    public synchronized Optional<String> start(IndexProgress progress) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the knowledge folder " + folder, e);
        }
        Optional<String> notice = pending.finish(versions, audit, clock, texts);
        versions.prune();
        int current = versions.current();
        Optional<KnowledgeChange> made = versions.change(current);
        if (made.isPresent() && made.get().fingerprint().equals(KnowledgeFiles.fingerprint(folder))) {
            live.install(live.build(folder, current, provenance.of(current, null), progress));
        } else {
            commit(Author.FOLDER, current == 0 ? KnowledgeChange.Action.START : KnowledgeChange.Action.DISK, "*",
                    staged -> {
                    }, false, progress, state -> {
                    }, done -> {
                    });
        }
        return notice;
    }

    /** The state in service. */
    public KnowledgeState current() {
        return live.get();
    }

    /** Installs an uploaded file; refused when the file itself does not load from the new version. */
    public synchronized void upload(Author who, String name, byte[] bytes, IndexProgress progress,
                                   Consumer<Done> reply) {
        String relative = UploadName.relative(name);
        boolean replaced = Files.exists(folder.resolve(relative));
        Set<String> known = new HashSet<>();
        live.get().knowledge().problems().forEach(p -> known.add(p.getMessage()));
        commit(who, replaced ? KnowledgeChange.Action.REPLACE : KnowledgeChange.Action.ADD, name,
                staged -> AtomicFiles.write(staged.resolve(relative), bytes), true, progress, state -> {
                    for (KnowledgeFormatException p : state.problems()) {
                        if (p.file().equals(name) || p.file().equals(relative)) {
                            throw p;
                        }
                    }
                    // A Markdown file can break another only by pushing it over the section limit.
                    for (KnowledgeFormatException p : state.knowledge().problems()) {
                        if (!known.contains(p.getMessage())) {
                            throw p;
                        }
                    }
                }, reply);
    }

    /** Deletes a file; refused when no knowledge section would be left. */
    public synchronized void delete(Author who, String name, IndexProgress progress, Consumer<Done> reply) {
        String relative = UploadName.relative(name);
        commit(who, KnowledgeChange.Action.DELETE, name, staged -> {
            try {
                Files.delete(staged.resolve(relative));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + relative, e);
            }
        }, true, progress, state -> {
            if (state.knowledge().sections().isEmpty()) {
                throw new ChangeRefusedException(texts.get("delete.last", name));
            }
        }, reply);
    }

    /** Puts the folder's files in service as a new version when they differ from the version in service. */
    public synchronized Optional<KnowledgeState> reloadIfChanged(Author who, IndexProgress progress) {
        Optional<KnowledgeChange> made = versions.change(live.get().version());
        if (made.isPresent() && made.get().fingerprint().equals(KnowledgeFiles.fingerprint(folder))) {
            return Optional.empty();
        }
        KnowledgeState[] out = new KnowledgeState[1];
        commit(who, who.id() == 0 ? KnowledgeChange.Action.DISK : KnowledgeChange.Action.RELOAD, "*", staged -> {
        }, false, progress, state -> {
        }, done -> out[0] = done.state());
        return Optional.of(out[0]);
    }

    /** Undoes the change that made the version in service by putting its parent version back, all files of it. */
    public synchronized void rollback(Author who, IndexProgress progress, Consumer<RolledBack> reply) {
        KnowledgeState now = live.get();
        KnowledgeChange undone = versions.change(now.version())
                .filter(c -> c.parent() > 0)
                .orElseThrow(() -> refused(who, "rollback", "*", texts.get("rollback.none", now.version())));
        int target = undone.parent();
        if (!versions.sealed(target)) {
            throw refused(who, "rollback", "*", texts.get("rollback.pruned", target, KnowledgeVersions.KEPT));
        }
        KnowledgeState state = live.build(versions.files(target), target, provenance.of(target, null), progress);
        if (state.knowledge().sections().isEmpty() && !now.knowledge().sections().isEmpty()) {
            throw refused(who, "rollback", "*", texts.get("rollback.empty", target));
        }
        Instant at = clock.instant();
        pending.write(new PendingChange.Record(target, now.version(), "ROLLBACK", undoneText(undone), who.id(),
                who.name(), at));
        steps.accept("pending");
        audit.record(new AuditLog.Entry(at, who.id(), who.name(), "rollback", undoneText(undone), now.version(),
                target, AuditLog.OK));
        steps.accept("audited");
        versions.restore(target);
        steps.accept("restored");
        versions.point(target);
        steps.accept("pointed");
        live.install(state);
        steps.accept("live");
        log.info("knowledge rolled back from version {} to {} by user {}", now.version(), target, who.id());
        try {
            reply.accept(new RolledBack(state, undone));
            steps.accept("answered");
        } finally {
            pending.clear();
        }
    }

    /** Records a change refused before it reached this class (a file that does not parse, a bad name). */
    public void refused(Author who, String action, String file, KnowledgeFormatException reason) {
        int version = live.get().version();
        audit.record(new AuditLog.Entry(clock.instant(), who.id(), who.name(), action, file, version, version,
                reason.getMessage()));
    }

    /** The newest audit entries first. */
    List<AuditLog.Entry> history(int limit) {
        return audit.recent(limit);
    }

    /** How many earlier versions are kept for rollback. */
    int versionsKept() {
        return versions.count();
    }

    /** The change that made a version, if that version is still kept. */
    Optional<KnowledgeChange> change(int version) {
        return versions.change(version);
    }

    public Path folder() {
        return folder;
    }

    /** How much knowledge is accepted. */
    public KnowledgeLimits limits() {
        return live.loader().limits();
    }

    /**
     * The transaction every change goes through; see the class comment.
     *
     * @param edit          changes the staged copy of the folder
     * @param restoreFolder whether the folder must be brought to the new version (false when the folder is where
     *                      the change came from)
     * @param check         refuses a built state by throwing
     */
    private void commit(Author who, KnowledgeChange.Action action, String file, Consumer<Path> edit,
                        boolean restoreFolder, IndexProgress progress, Consumer<KnowledgeState> check,
                        Consumer<Done> reply) {
        int from = versions.current();
        int next = versions.next();
        Path staged = versions.stage(next);
        KnowledgeChange change;
        KnowledgeState state;
        try {
            edit.accept(staged);
            steps.accept("staged");
            String files = file.equals("*") && versions.sealed(from)
                    ? summary(versions.changedFiles(from, staged)) : file;
            change = new KnowledgeChange(next, versions.sealed(from) ? from : 0, action, files, who.id(),
                    who.name(), clock.instant(), KnowledgeFiles.fingerprint(staged));
            state = live.build(staged, next, provenance.of(from, change), progress);
            check.accept(state);
            pending.write(new PendingChange.Record(next, from, action.name(), files, who.id(), who.name(),
                    change.at()));
            steps.accept("pending");
            versions.seal(staged, change);
            steps.accept("sealed");
        } catch (KnowledgeFormatException | ChangeRefusedException e) {
            AtomicFiles.deleteTree(staged);
            pending.clear();
            audit.record(new AuditLog.Entry(clock.instant(), who.id(), who.name(), auditAction(action), file, from,
                    from, e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            AtomicFiles.deleteTree(staged);
            pending.clear();
            throw e;
        }
        audit.record(new AuditLog.Entry(change.at(), who.id(), who.name(), auditAction(action), change.file(), from,
                next, AuditLog.OK));
        steps.accept("audited");
        if (restoreFolder) {
            versions.restore(next);
        }
        steps.accept("restored");
        versions.point(next);
        steps.accept("pointed");
        live.install(state);
        steps.accept("live");
        log.info("knowledge version {} ({} {}) is live: {} sections, {} scenarios", next, action, change.file(),
                state.knowledge().sections().size(), state.book().scenarios().size());
        try {
            reply.accept(new Done(state, change));
            steps.accept("answered");
        } finally {
            pending.clear();
            versions.prune();
        }
    }

    private ChangeRefusedException refused(Author who, String action, String file, String reason) {
        int version = live.get().version();
        audit.record(new AuditLog.Entry(clock.instant(), who.id(), who.name(), action, file, version, version,
                reason));
        return new ChangeRefusedException(reason);
    }

    /** How a rollback's audit entry names the change it undid: "{@code <action> <file>}". */
    private static String undoneText(KnowledgeChange undone) {
        return auditAction(undone.action()) + " " + undone.file();
    }

    static String auditAction(KnowledgeChange.Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /** A short list of changed files for history lines; a bulk edit names the first few. */
    private String summary(List<String> files) {
        if (files.isEmpty()) {
            return "*";
        }
        String shown = String.join(", ", files.subList(0, Math.min(5, files.size())));
        return files.size() > 5 ? texts.get("files.more", shown, files.size()) : shown;
    }
}
