package org.coachbot.config;

import org.coachbot.telegram.TelegramSettings;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import static org.coachbot.config.SettingType.decimal;
import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.integer;
import static org.coachbot.config.SettingType.matching;
import static org.coachbot.config.SettingType.optional;
import static org.coachbot.config.SettingType.origin;
import static org.coachbot.config.SettingType.text;
import static org.coachbot.config.SettingType.url;

/** The {@code telegram:} settings: how the bot reaches the Bot API, how fast it sends and how long it tries. */
public final class TelegramConfig {
    static final SettingGroup GROUP = new SettingGroup("telegram");

    public static final Setting<String> BOT_TOKEN = GROUP.setting("bot_token", text(), "")
            .env("BOT_TOKEN").secret()
            .help("Telegram bot token from @BotFather; without it the bot chats on the console.");

    public static final Setting<URI> API_URL = GROUP.setting("api_url", origin(),
                    URI.create("https://api.telegram.org"))
            .env("TELEGRAM_API_URL")
            .help("Bot API base URL, also used for file downloads; a self-hosted Bot API server works too.");

    public static final Setting<Double> MESSAGES_PER_SECOND = GROUP.setting("messages_per_second",
                    decimal(0.1, 1000), TelegramSettings.DEFAULT_MESSAGES_PER_SECOND)
            .help("Messages per second across all chats; Telegram allows about 30. Sends are paced 7% below this"
                    + " (and below the per-chat rate), so network jitter does not push them over Telegram's limit"
                    + " and draw 429s.");

    public static final Setting<Double> MESSAGES_PER_CHAT_PER_SECOND = GROUP.setting("messages_per_chat_per_second",
                    decimal(0.01, 100), TelegramSettings.DEFAULT_MESSAGES_PER_CHAT_PER_SECOND)
            .help("Messages per second in one chat; Telegram allows about 1, with short bursts (groups: 20 a"
                    + " minute, applied on top).");

    public static final Setting<Integer> CHAT_BURST = GROUP.setting("chat_burst", integer(1, 100),
                    TelegramSettings.DEFAULT_CHAT_BURST)
            .help("Messages one chat may send at once before the per-chat rate applies.");

    public static final Setting<Integer> HANDLER_THREADS = GROUP.setting("handler_threads", integer(1, 256),
                    TelegramSettings.DEFAULT_HANDLER_THREADS)
            .help("Threads handling updates; different chats run in parallel, one chat strictly in order.");

    public static final Setting<Integer> POLL_TIMEOUT_SECONDS = GROUP.setting("poll_timeout_seconds",
                    integer(0, 100), TelegramSettings.DEFAULT_POLL_TIMEOUT_SECONDS)
            .help("Seconds a getUpdates long poll waits for new messages.");

    public static final Setting<Duration> SEND_TIMEOUT = GROUP.setting("send_timeout_seconds",
                    duration(ChronoUnit.SECONDS, 1, 300), TelegramSettings.DEFAULT_SEND_TIMEOUT)
            .help("Seconds a send waits for Telegram's answer. Telegram answers in well under a second; a send"
                    + " that times out may still have arrived, so it is resent once (waiting up to 5 minutes) and"
                    + " never more: a hang costs at most one duplicate.");

    public static final Setting<Duration> MAX_REPLY_AGE = GROUP.setting("max_reply_age_hours",
                    duration(ChronoUnit.HOURS, 1, 24 * 30), TelegramSettings.DEFAULT_MAX_REPLY_AGE)
            .help("Hours a reply is retried through 5xx, 429 and network errors before it is dropped with a log"
                    + " line.");

    public static final Setting<Duration> CONFLICT_LIMIT = GROUP.setting("conflict_exit_seconds",
                    duration(ChronoUnit.SECONDS, 1, 3600), TelegramSettings.DEFAULT_CONFLICT_LIMIT)
            .help("Seconds of 409 Conflict from getUpdates (another instance polling the same token) before this"
                    + " one logs \"another instance is polling this token\" and exits with code 1. A brief 409"
                    + " right after a restart is normal.");

    public static final Setting<Optional<URI>> WEBHOOK_URL = GROUP.setting("webhook_url", optional(url()),
                    Optional.empty())
            .env("WEBHOOK_URL")
            .help("Public HTTPS URL Telegram pushes updates to, e.g. https://bot.example.com/telegram; empty to"
                    + " long-poll instead.");

    public static final Setting<Integer> WEBHOOK_PORT = GROUP.setting("webhook_port", integer(1, 65535), 8080)
            .env("WEBHOOK_PORT")
            .help("Local port the webhook listens on, usually behind a reverse proxy that ends TLS.");

    public static final Setting<String> WEBHOOK_SECRET = GROUP.setting("webhook_secret",
                    matching(TelegramSettings.WEBHOOK_SECRET_FORMAT, "1-256 characters of A-Z, a-z, 0-9, _ and -"),
                    "")
            .env("WEBHOOK_SECRET").secret()
            .help("The secret token Telegram sends with every webhook request; a random one is drawn at each start"
                    + " when it is not set.");

    private TelegramConfig() {
    }

    /**
     * The Telegram front end's settings; without a configured webhook secret, one drawn for this run only, since
     * setWebhook hands it to Telegram at every start.
     */
    public static TelegramSettings settings(BotConfig config) {
        return TelegramSettings.builder(config.get(BOT_TOKEN), config.get(API_URL))
                .adminIds(config.get(AccessConfig.ADMIN_IDS))
                .supervisorIds(config.get(AccessConfig.SUPERVISOR_IDS))
                .allowedUserIds(config.get(AccessConfig.ALLOWED_USER_IDS))
                .rates(config.get(MESSAGES_PER_SECOND), config.get(MESSAGES_PER_CHAT_PER_SECOND),
                        config.get(CHAT_BURST))
                .handlerThreads(config.get(HANDLER_THREADS))
                .pollTimeoutSeconds(config.get(POLL_TIMEOUT_SECONDS))
                .sendTimeout(config.get(SEND_TIMEOUT))
                .maxReplyAge(config.get(MAX_REPLY_AGE))
                .conflictLimit(config.get(CONFLICT_LIMIT))
                .webhook(config.get(WEBHOOK_URL).map(url -> new TelegramSettings.Webhook(url,
                        config.get(WEBHOOK_PORT), webhookSecret(config))))
                .build();
    }

    private static String webhookSecret(BotConfig config) {
        String secret = config.get(WEBHOOK_SECRET);
        if (!secret.isEmpty()) {
            return secret;
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
