package org.coachbot.telegram;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach the Bot API and how fast we may send; the token is a secret and never printed.
 *
 * @param supervisorIds users who see the team; administrators are supervisors too
 */
public record TelegramSettings(String token, URI apiBaseUrl, Set<Long> adminIds, Set<Long> allowedUserIds,
                               double messagesPerSecond, double messagesPerChatPerSecond, int chatBurst,
                               int handlerThreads, int pollTimeoutSeconds, Set<Long> supervisorIds) {
    public TelegramSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl must not be null");
        adminIds = Set.copyOf(adminIds);
        allowedUserIds = Set.copyOf(allowedUserIds);
        supervisorIds = Set.copyOf(supervisorIds);
        if (messagesPerSecond <= 0 || messagesPerChatPerSecond <= 0) {
            throw new IllegalArgumentException("message rates must be > 0");
        }
        if (chatBurst < 1 || handlerThreads < 1 || pollTimeoutSeconds < 0) {
            throw new IllegalArgumentException("chatBurst and handlerThreads must be >= 1, pollTimeoutSeconds >= 0");
        }
    }

    /** Settings without supervisors besides the administrators. */
    public TelegramSettings(String token, URI apiBaseUrl, Set<Long> adminIds, Set<Long> allowedUserIds,
                            double messagesPerSecond, double messagesPerChatPerSecond, int chatBurst,
                            int handlerThreads, int pollTimeoutSeconds) {
        this(token, apiBaseUrl, adminIds, allowedUserIds, messagesPerSecond, messagesPerChatPerSecond, chatBurst,
                handlerThreads, pollTimeoutSeconds, Set.of());
    }

    /** Replaces the token wherever it appears, for log lines and error messages. */
    public String mask(String text) {
        return text == null ? "" : text.replace(token, "***");
    }

    @Override
    public String toString() {
        return "TelegramSettings[api=" + apiBaseUrl + ", token=***, admins=" + adminIds.size() + "]";
    }
}
