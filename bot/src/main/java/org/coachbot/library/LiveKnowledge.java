package org.coachbot.library;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.retrieval.RetrievalIndex;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The knowledge the bot serves now. A change builds a complete new state beside the current one and swaps it in
 * at the end, so questions asked meanwhile are answered from the previous state, never from a partial one.
 */
public final class LiveKnowledge implements Supplier<KnowledgeState> {
    private final RetrievalIndex index;
    private final KnowledgeLoader loader;
    private final Clock clock;
    private final AtomicReference<KnowledgeState> current = new AtomicReference<>();
    private final List<Consumer<KnowledgeState>> listeners = new CopyOnWriteArrayList<>();

    public LiveKnowledge(RetrievalIndex index, KnowledgeLoader loader, Clock clock) {
        this.index = Objects.requireNonNull(index, "index must not be null");
        this.loader = Objects.requireNonNull(loader, "loader must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The state in service; one must have been installed. */
    @Override
    public KnowledgeState get() {
        KnowledgeState state = current.get();
        if (state == null) {
            throw new IllegalStateException("knowledge has not been loaded yet");
        }
        return state;
    }

    /**
     * Reads a folder and builds its index: a complete state that is not in service yet.
     *
     * @param sources the source of a file whose front matter names none
     */
    public KnowledgeState build(Path dir, int version, Function<String, String> sources, IndexProgress progress) {
        KnowledgeBase kb = loader.load(dir, sources);
        Retriever retriever = index.build(kb, progress);
        ScenarioBook book = ScenarioBook.load(dir, kb);
        return new KnowledgeState(kb, retriever, book, version, clock.instant());
    }

    /** Puts a built state in service and tells the listeners. */
    public KnowledgeState install(KnowledgeState state) {
        current.set(Objects.requireNonNull(state, "state must not be null"));
        listeners.forEach(l -> l.accept(state));
        return state;
    }

    /** Called with every new state after it went live. */
    public void onChange(Consumer<KnowledgeState> listener) {
        listeners.add(listener);
    }

    public KnowledgeLoader loader() {
        return loader;
    }
}
