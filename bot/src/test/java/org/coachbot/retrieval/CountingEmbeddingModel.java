package org.coachbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.ArrayList;
import java.util.List;

/** Wraps a model and records every text it embeds; can run a hook once inside a call, as a build in progress. */
final class CountingEmbeddingModel implements EmbeddingModel {
    private final EmbeddingModel delegate;
    private final List<String> embedded = new ArrayList<>();
    private Runnable duringNextCall = () -> {
    };

    CountingEmbeddingModel(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        segments.forEach(s -> embedded.add(s.text()));
        Runnable hook = duringNextCall;
        duringNextCall = () -> {
        };
        hook.run();
        return delegate.embedAll(segments);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** Number of texts embedded so far. */
    synchronized int calls() {
        return embedded.size();
    }

    /** Texts embedded so far, in order. */
    synchronized List<String> embedded() {
        return new ArrayList<>(embedded);
    }

    /** Runs {@code hook} inside the next {@link #embedAll} call only. */
    synchronized void duringNextCall(Runnable hook) {
        this.duringNextCall = hook;
    }
}
