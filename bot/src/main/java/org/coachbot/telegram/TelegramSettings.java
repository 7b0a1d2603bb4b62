package org.coachbot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach the Bot API, how fast we may send and how long we keep trying; the token and the webhook secret
 * are secrets and never printed.
 *
 * @param sendTimeout   how long one send waits for Telegram's answer before it counts as timed out
 * @param maxReplyAge   how long a reply is retried before it is dropped with a log line
 * @param conflictLimit how long 409 Conflict answers to getUpdates may go on before the bot gives up and exits
 * @param webhook       when present, Telegram pushes updates to this webhook instead of being polled
 * @param supervisorIds users who see the team; administrators are supervisors too
 */
public record TelegramSettings(String token, URI apiBaseUrl, Set<Long> adminIds, Set<Long> allowedUserIds,
                               double messagesPerSecond, double messagesPerChatPerSecond, int chatBurst,
                               int handlerThreads, int pollTimeoutSeconds, Duration sendTimeout,
                               Duration maxReplyAge, Duration conflictLimit, Optional<Webhook> webhook,
                               Set<Long> supervisorIds) {
    /** Telegram allows about 30 messages a second across all chats. */
    public static final double DEFAULT_MESSAGES_PER_SECOND = 30;
    /** Telegram allows about one message a second in one chat, with short bursts. */
    public static final double DEFAULT_MESSAGES_PER_CHAT_PER_SECOND = 1;
    public static final int DEFAULT_CHAT_BURST = 3;
    public static final int DEFAULT_HANDLER_THREADS = 8;
    public static final int DEFAULT_POLL_TIMEOUT_SECONDS = 30;
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_MAX_REPLY_AGE = Duration.ofHours(24);
    public static final Duration DEFAULT_CONFLICT_LIMIT = Duration.ofMinutes(1);
    /** Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - as a webhook's secret token. */
    public static final String WEBHOOK_SECRET_FORMAT = "[A-Za-z0-9_-]{1,256}";

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
        for (Duration d : new Duration[]{sendTimeout, maxReplyAge, conflictLimit}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("sendTimeout, maxReplyAge and conflictLimit must be > 0");
            }
        }
        Objects.requireNonNull(webhook, "webhook must not be null (use Optional.empty())");
    }

    /** Settings with Telegram's published limits and the default timeouts, for the given token and Bot API. */
    public static Builder builder(String token, URI apiBaseUrl) {
        return new Builder(token, apiBaseUrl);
    }

    /** Replaces the token and the webhook secret wherever they appear, for log lines and error messages. */
    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text.replace(token, "***");
        return webhook.map(w -> masked.replace(w.secret(), "***")).orElse(masked);
    }

    @Override
    public String toString() {
        return "TelegramSettings[api=" + apiBaseUrl + ", token=***, admins=" + adminIds.size()
                + webhook.map(w -> ", webhook=" + w.url()).orElse("") + "]";
    }

    /**
     * Where Telegram pushes updates: the public HTTPS {@code url} it calls, the local {@code port} we listen on
     * (usually behind a reverse proxy that ends TLS), and the {@code secret} Telegram sends with every request.
     */
    public record Webhook(URI url, int port, String secret) {
        public Webhook {
            Objects.requireNonNull(url, "url must not be null");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535 (0 takes any free port)");
            }
            if (secret == null || !secret.matches(WEBHOOK_SECRET_FORMAT)) {
                throw new IllegalArgumentException("secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
            }
        }

        /** The path Telegram posts to, {@code /} when the URL has none. */
        public String path() {
            return url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        }

        @Override
        public String toString() {
            return "Webhook[url=" + url + ", port=" + port + ", secret=***]";
        }
    }

    /** Builds settings; everything but the token and the Bot API URL has a default. */
    public static final class Builder {
        private final String token;
        private final URI apiBaseUrl;
        private Set<Long> adminIds = Set.of();
        private Set<Long> allowedUserIds = Set.of();
        private Set<Long> supervisorIds = Set.of();
        private double messagesPerSecond = DEFAULT_MESSAGES_PER_SECOND;
        private double messagesPerChatPerSecond = DEFAULT_MESSAGES_PER_CHAT_PER_SECOND;
        private int chatBurst = DEFAULT_CHAT_BURST;
        private int handlerThreads = DEFAULT_HANDLER_THREADS;
        private int pollTimeoutSeconds = DEFAULT_POLL_TIMEOUT_SECONDS;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private Duration maxReplyAge = DEFAULT_MAX_REPLY_AGE;
        private Duration conflictLimit = DEFAULT_CONFLICT_LIMIT;
        private Optional<Webhook> webhook = Optional.empty();

        private Builder(String token, URI apiBaseUrl) {
            this.token = token;
            this.apiBaseUrl = apiBaseUrl;
        }

        public Builder adminIds(Set<Long> ids) {
            this.adminIds = ids;
            return this;
        }

        public Builder supervisorIds(Set<Long> ids) {
            this.supervisorIds = ids;
            return this;
        }

        public Builder allowedUserIds(Set<Long> ids) {
            this.allowedUserIds = ids;
            return this;
        }

        /** Sends per second for the whole bot and per chat, and how many one chat may send at once. */
        public Builder rates(double perSecond, double perChatPerSecond, int chatBurst) {
            this.messagesPerSecond = perSecond;
            this.messagesPerChatPerSecond = perChatPerSecond;
            this.chatBurst = chatBurst;
            return this;
        }

        public Builder handlerThreads(int threads) {
            this.handlerThreads = threads;
            return this;
        }

        public Builder pollTimeoutSeconds(int seconds) {
            this.pollTimeoutSeconds = seconds;
            return this;
        }

        public Builder sendTimeout(Duration timeout) {
            this.sendTimeout = timeout;
            return this;
        }

        public Builder maxReplyAge(Duration age) {
            this.maxReplyAge = age;
            return this;
        }

        public Builder conflictLimit(Duration limit) {
            this.conflictLimit = limit;
            return this;
        }

        public Builder webhook(Optional<Webhook> webhook) {
            this.webhook = webhook;
            return this;
        }

        public TelegramSettings build() {
            return new TelegramSettings(token, apiBaseUrl, adminIds, allowedUserIds, messagesPerSecond,
                    messagesPerChatPerSecond, chatBurst, handlerThreads, pollTimeoutSeconds, sendTimeout, maxReplyAge,
                    conflictLimit, webhook, supervisorIds);
        }
    }
}
