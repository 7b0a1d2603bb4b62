package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The knowledge the bot serves now. A reload builds a complete new state beside the current one and swaps it in
 * at the end, so questions asked meanwhile are answered from the previous state, never from a partial one.
 */
public final class LiveKnowledge {
    private final Path folder;
    private final RetrievalIndex index;
    private final Clock clock;
    private final KnowledgeLoader loader = new KnowledgeLoader();
    private final AtomicReference<KnowledgeState> current = new AtomicReference<>();
    private String loadedFingerprint = "";
    private final java.util.List<java.util.function.Consumer<KnowledgeState>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public LiveKnowledge(Path folder, RetrievalIndex index, Clock clock) {
        this.folder = Objects.requireNonNull(folder, "folder must not be null");
        this.index = Objects.requireNonNull(index, "index must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The state in service; {@link #reload} must have run once. */
    public KnowledgeState current() {
        KnowledgeState state = current.get();
        if (state == null) {
            throw new IllegalStateException("knowledge has not been loaded yet");
        }
        return state;
    }

    /** Reads the folder, builds the index and swaps the new state in; reloads run one at a time. */
    public synchronized KnowledgeState reload(IndexProgress progress) {
        String print = fingerprint();
        KnowledgeBase kb = loader.load(folder);
        var retriever = index.build(kb, progress);
        ScenarioBook book = ScenarioBook.load(folder, kb);
        KnowledgeState previous = current.get();
        KnowledgeState next = new KnowledgeState(kb, retriever, book, previous == null ? 1 : previous.version() + 1,
                clock.instant());
        current.set(next);
        loadedFingerprint = print;
        listeners.forEach(l -> l.accept(next));
        return next;
    }

    /**
     * Reloads only when the files differ from what is live, so the watcher does not re-apply a change the bot
     * itself just wrote. Returns the new state, or empty when nothing changed.
     */
    public synchronized java.util.Optional<KnowledgeState> reloadIfChanged(IndexProgress progress) {
        if (fingerprint().equals(loadedFingerprint)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(reload(progress));
    }

    /** SHA-256 over the names and contents of the knowledge files. */
    private String fingerprint() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Path file : KnowledgeVersions.knowledgeFiles(folder)) {
                digest.update(folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(java.nio.file.Files.readAllBytes(file));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            return "unreadable-" + System.nanoTime();
        }
    }

    /** Called with every new state after it went live. */
    public void onChange(java.util.function.Consumer<KnowledgeState> listener) {
        listeners.add(listener);
    }

    public Path folder() {
        return folder;
    }
}
