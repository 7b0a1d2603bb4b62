package org.coachbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Calls a chat model with a hard deadline, mapping every provider failure to {@link LlmException}. */
public final class TimedChat {
    private final ChatModel model;
    private final ExecutorService executor;

    public TimedChat(ChatModel model, ExecutorService executor) {
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
    }

    /** Returns the model's answer text, or throws {@link LlmException} on error, empty answer or timeout. */
    public String chat(List<ChatMessage> messages, Duration timeout) {
        Future<String> call = executor.submit(() -> model.chat(ChatRequest.builder().messages(messages).build())
                .aiMessage().text());
        try {
            String text = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null || text.isBlank()) {
                throw new LlmException("the model returned an empty answer");
            }
            return text.strip();
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LlmException("the model did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new LlmException("the model call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while waiting for the model", e);
        }
    }
}
