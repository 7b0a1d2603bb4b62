package org.coachbot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;
import java.util.Optional;

/** Builds the langchain4j chat model the settings ask for, or none. */
public final class ChatModels {
    /** Low temperature: tips must stay close to the retrieved text. */
    private static final double TIP_TEMPERATURE = 0.3;

    private ChatModels() {
    }

    /**
     * Returns the configured model; its HTTP timeout is the longer of our two timeouts so the model call itself is
     * never cut short by the client while we still wait for it.
     */
    public static Optional<ChatModel> fromSettings(LlmSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        // A provider may echo the key in an error body; from here on it is masked wherever it would be logged.
        SecretMask.remember(settings.apiKey());
        Duration timeout = settings.tipTimeout().compareTo(settings.rolePlayTimeout()) > 0
                ? settings.tipTimeout() : settings.rolePlayTimeout();
        return Optional.of(switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    // Local OpenAI-compatible servers (vLLM, Ollama /v1) accept any key; the client needs one.
                    .apiKey(settings.apiKey().isEmpty() ? "no-key" : settings.apiKey())
                    .modelName(settings.model())
                    .temperature(TIP_TEMPERATURE)
                    .timeout(timeout)
                    .maxRetries(settings.maxRetries())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl().isEmpty() ? "http://127.0.0.1:11434" : settings.baseUrl())
                    .modelName(settings.model())
                    .temperature(TIP_TEMPERATURE)
                    .timeout(timeout)
                    .maxRetries(settings.maxRetries())
                    .build();
            case NONE -> throw new IllegalStateException("unreachable");
        });
    }
}
