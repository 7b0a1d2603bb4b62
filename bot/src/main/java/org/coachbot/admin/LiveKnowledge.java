package org.coachbot.admin;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.roleplay.ScenarioBook;

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
        KnowledgeBase kb = loader.load(folder);
        var retriever = index.build(kb, progress);
        ScenarioBook book = ScenarioBook.load(folder, kb);
        KnowledgeState previous = current.get();
        KnowledgeState next = new KnowledgeState(kb, retriever, book, previous == null ? 1 : previous.version() + 1,
                clock.instant());
        current.set(next);
        return next;
    }

    public Path folder() {
        return folder;
    }
}
