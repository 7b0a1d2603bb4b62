package org.coachbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a chat model with a hard deadline, mapping every provider failure to {@link LlmException}. The exception's
 * message has secrets masked ({@link SecretMask}) and carries no cause, so neither a log line nor a stack trace can
 * show what the provider echoed back.
 */
public final class TimedChat {
    private final ChatModel model;
    private final ExecutorService executor;

    /** @param executor runs the calls; a bounded one (see {@link #pool}) makes a call over its limit fail at once */
    public TimedChat(ChatModel model, ExecutorService executor) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
    }

    /**
     * A pool of at most {@code threads} model calls with no queue: when all are in flight (a slow or hanging
     * provider), the next call is refused at once and its caller sends the answer it can build without a model,
     * rather than waiting behind the others and then timing out.
     */
    public static ExecutorService pool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "llm");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Returns the model's answer text, or throws {@link LlmException} on error, empty answer, timeout or a full pool. */
    public String chat(List<ChatMessage> messages, Duration timeout) {
        Future<String> call;
        try {
            call = executor.submit(() -> model.chat(ChatRequest.builder().messages(messages).build())
                    .aiMessage().text());
        } catch (RejectedExecutionException e) {
            throw new LlmException("every model call slot is busy; answering without the model");
        }
        try {
            String text = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank()) {
                throw new LlmException("the model returned an empty answer");
            }
            return text.strip();
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LlmException("the model did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new LlmException("the model call failed: " + cause.getClass().getSimpleName() + ": "
                    + SecretMask.mask(cause.getMessage()));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for the model");
        }
    }

    /**
     * Starts a call and returns at once; the future completes with the answer text, or exceptionally with {@link
     * LlmException} on error, empty answer, a full pool or when {@code timeout} passes (the call is then cancelled).
     */
    public CompletableFuture<String> chatAsync(List<ChatMessage> messages, Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Future<?> call;
        try {
            call = executor.submit(() -> {
                try {
                    String text = model.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
                    if (text == null || text.isBlank()) {
                        result.completeExceptionally(new LlmException("the model returned an empty answer"));
                    } else {
                        result.complete(text.strip());
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(new LlmException("the model call failed: "
                            + e.getClass().getSimpleName() + ": " + SecretMask.mask(e.getMessage())));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new LlmException("every model call slot is busy; answering without the model"));
            return result;
        }
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((text, failure) -> {
            if (failure == null) {
                return text;
            }
            Throwable error = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (error instanceof TimeoutException) {
                call.cancel(true);
                throw new LlmException("the model did not answer within " + timeout.toSeconds() + " s");
            }
            throw error instanceof LlmException le ? le : new LlmException("the model call failed");
        });
    }
}
