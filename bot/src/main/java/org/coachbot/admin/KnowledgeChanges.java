package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeFiles;
import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.KnowledgeLimits;
import org.coachbot.knowledge.ShippedKnowledge;
import org.coachbot.library.KnowledgeState;
import org.coachbot.library.LiveKnowledge;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>The folder in service lives in {@code DATA_DIR}. At the first start the release's knowledge seeds it; at a
 * start with a newer release, {@link KnowledgeUpgrade} merges the release into it as one more version, through the
 * same transaction, so a crash during seeding or merging is completed or undone like any change.
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
    private final ShippedManifest manifest;
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
        this.manifest = new ShippedManifest(dataDir);
    }

    /**
     * Completes or drops a change a crash interrupted, then puts the folder in service: as the version it was at
     * the last stop, as a new version when its files were edited meanwhile, seeded from {@code shipped} at the very
     * first start; then merges {@code shipped} into it as one more version when the release changed.
     *
     * @return what the admins should hear: an interrupted change, an upgrade
     */
    public synchronized Optional<String> start(ShippedKnowledge shipped, IndexProgress progress) {
        List<String> notices = new ArrayList<>();
        pending.finish(versions, audit, manifest, clock, texts).ifPresent(notices::add);
        versions.prune();
        int current = versions.current();
        if (current > 0 && versions.sealed(current) && KnowledgeFiles.list(folder).isEmpty()
                && manifest.read().isEmpty()) {
            adoptVersion(current);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the knowledge folder " + folder
                    + ": DATA_DIR must be a folder the bot can write", e);
        }
        OfferedFiles.removeTaken(folder);
        Optional<String> problem = shipped.problem(folder);
        Optional<KnowledgeChange> made = versions.change(current);
        if (made.isPresent() && made.get().fingerprint().equals(KnowledgeFiles.fingerprint(folder))) {
            live.install(live.build(folder, current, provenance.of(current, null), progress));
        } else if (current == 0 && KnowledgeFiles.list(folder).isEmpty() && problem.isEmpty()) {
            KnowledgeUpgrade seed = KnowledgeUpgrade.plan(folder, Optional.empty(), shipped);
            commit(Author.FOLDER, KnowledgeChange.Action.SEED, summary(seed.added()),
                    staged -> seed.apply(staged, shipped), true, progress, state -> {
                    }, done -> {
                    });
            log.info("seeded the knowledge in service with {} files from {}", seed.added().size(), shipped.origin());
        } else {
            commit(Author.FOLDER, current == 0 ? KnowledgeChange.Action.START : KnowledgeChange.Action.DISK, "*",
                    staged -> {
                    }, false, progress, state -> {
                    }, done -> {
                    });
        }
        if (problem.isEmpty()) {
            upgrade(shipped, progress).ifPresent(notices::add);
        }
        Path where = folder.toAbsolutePath().normalize();
        log.info("knowledge in service: {} (version {}; edits there go live at once); the release's knowledge: {}",
                where, live.get().version(), shipped.origin());
        if (live.get().knowledge().fileCount() == 0) {
            log.warn("no knowledge in service: {} holds no knowledge file that loads{}", where,
                    problem.map(p -> ", and " + p).orElse(": send .md files to the bot as an admin, or put them in "
                            + "that folder (/kb names the files that do not load)"));
        } else {
            problem.ifPresent(p -> log.warn("serving the knowledge in {} as it is, without seeding or upgrading it: "
                    + "{}", where, p));
        }
        return notices.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", notices));
    }

    /**
     * Merges a release that differs from the one the folder was last seeded or upgraded from, as one version that
     * says what changed; a release that changes nothing in service only has its hashes recorded.
     */
    private Optional<String> upgrade(ShippedKnowledge shipped, IndexProgress progress) {
        Optional<Map<String, String>> base = manifest.read();
        KnowledgeUpgrade plan = KnowledgeUpgrade.plan(folder, base, shipped);
        if (!plan.changesAnything()) {
            if (!base.equals(Optional.of(plan.hashes()))) {
                manifest.write(plan.hashes());
            }
            return Optional.empty();
        }
        // Before the version: an offered text is not knowledge, and a start that redoes the upgrade rewrites it.
        plan.offer(folder, shipped);
        String label = plan.label(texts);
        commit(Author.FOLDER, KnowledgeChange.Action.UPGRADE, label, staged -> plan.apply(staged, shipped), true,
                progress, state -> {
                }, done -> {
                });
        int version = live.get().version();
        log.info("knowledge version {} upgrades the knowledge in service from {}: {}", version, shipped.origin(),
                plan.describe());
        return Optional.of(texts.get("upgrade.notice", version, label));
    }

    /**
     * Puts version {@code n} back into a folder that is missing or holds no knowledge, as a release that kept the
     * folder outside {@code DATA_DIR} left it: its last version is the admins' knowledge. The copy is made beside
     * the folder and renamed into place, so a crash leaves the folder as it was and the next start copies again.
     */
    private void adoptVersion(int n) {
        Path copy = folder.resolveSibling(folder.getFileName() + ".adopting");
        AtomicFiles.deleteTree(copy);
        for (String file : KnowledgeFiles.list(versions.files(n))) {
            AtomicFiles.copy(versions.files(n).resolve(file), copy.resolve(file));
        }
        try {
            Files.createDirectories(copy);
            AtomicFiles.deleteTree(folder);
            Files.move(copy, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put knowledge version " + n + " into " + folder, e);
        }
        log.info("knowledge version {} put into {}, the folder in service from now on", n,
                folder.toAbsolutePath().normalize());
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
        commit(who, replaced ? KnowledgeChange.Action.REPLACE : KnowledgeChange.Action.ADD, name,
                staged -> AtomicFiles.write(staged.resolve(relative), bytes), true, progress, loads(name), reply);
    }

    /**
     * Puts the release's text offered beside a file in service in its place ({@code /kb take}); refused like an
     * upload when it does not load, e.g. a scenario naming a section the admins removed.
     */
    public synchronized void take(Author who, String name, IndexProgress progress, Consumer<Done> reply) {
        String relative = UploadName.relative(name);
        Path offered = OfferedFiles.of(folder, relative);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(offered);
        } catch (IOException e) {
            throw refused(who, "take", name, texts.get("take.none", name));
        }
        commit(who, KnowledgeChange.Action.TAKE, name, staged -> AtomicFiles.write(staged.resolve(relative), bytes),
                true, progress, loads(name), done -> {
                    // Removed once the text is in service; a crash before leaves it, and the next start removes it.
                    OfferedFiles.remove(folder, relative);
                    reply.accept(done);
                });
    }

    /** Forgets the release's text offered beside a file ({@code /kb ignore}); false when there was none. */
    public synchronized boolean ignore(Author who, String name) {
        boolean removed = OfferedFiles.remove(folder, UploadName.relative(name));
        if (removed) {
            log.info("user {} kept the admins' {} and ignored the release's text of it", who.id(), name);
        }
        return removed;
    }

    /** Files with a release's text offered beside them, by the name an admin uses. */
    public List<String> offered() {
        return OfferedFiles.list(folder).stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList();
    }

    /** Refuses a state in which the file {@code name} does not load, or breaks another file. */
    private Consumer<KnowledgeState> loads(String name) {
        String relative = UploadName.relative(name);
        Set<String> known = new HashSet<>();
        live.get().knowledge().problems().forEach(p -> known.add(p.getMessage()));
        return state -> {
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
        };
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
        manifest.adopt(versions.files(next));
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
