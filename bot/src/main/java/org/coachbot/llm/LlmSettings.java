package org.coachbot.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the optional language model; the API key comes from the environment only.
 *
 * @param maxConcurrentCalls model calls in flight at once; a call over it gets the answer without the model
 */
public record LlmSettings(LlmProvider provider, String baseUrl, String model, String apiKey,
                          Duration tipTimeout, Duration rolePlayTimeout, int maxRetries, int maxConcurrentCalls) {
    /** Enough for a team's busy minute against one GPU server; a hanging provider then holds at most this many threads. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 8;

    public LlmSettings {
        Objects.requireNonNull(provider, "provider must not be null");
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey;
        if (tipTimeout.isNegative() || tipTimeout.isZero()) {
            throw new IllegalArgumentException("tipTimeout must be > 0");
        }
        if (rolePlayTimeout.isNegative() || rolePlayTimeout.isZero()) {
            throw new IllegalArgumentException("rolePlayTimeout must be > 0");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be >= 1");
        }
    }

    public boolean enabled() {
        return provider != LlmProvider.NONE;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : "***") + "]";
    }
}
