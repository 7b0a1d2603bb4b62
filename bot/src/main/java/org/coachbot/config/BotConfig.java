package org.coachbot.config;

import org.coachbot.dashboard.DashboardSettings;
import org.coachbot.knowledge.KnowledgeLimits;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the bot, after the YAML file and the environment have been merged and checked.
 *
 * @param knowledgeDir  the release's knowledge, which seeds and upgrades the knowledge in service
 *                      ({@code DATA_DIR/knowledge}); empty for the knowledge packaged inside the jar
 * @param webhookUrl    the public HTTPS URL Telegram pushes updates to; empty to long-poll instead
 * @param webhookSecret the secret token Telegram sends with every webhook request (environment only); empty to
 *                      draw a new random one at each start
 * @param supervisorIds who may see the team and assign practice, besides the administrators
 * @param drillTurns    trainee lines in a {@code /drill}
 * @param teamTick      how often due reminders, assignments and certificates are looked for
 * @param dashboard     where the team dashboard (a Telegram Mini App) is served
 */
public record BotConfig(String botToken, URI telegramApiUrl, double messagesPerSecond,
                        double messagesPerChatPerSecond, int chatBurst, int handlerThreads,
                        int pollTimeoutSeconds, Duration sendTimeout, Duration maxReplyAge, Duration conflictLimit,
                        Optional<URI> webhookUrl, int webhookPort, String webhookSecret, Set<Long> adminIds,
                        Set<Long> allowedUserIds, Optional<Path> knowledgeDir, Duration reloadDebounce,
                        KnowledgeLimits knowledgeLimits, Path dataDir, LlmSettings llm, int tipMaxChars,
                        Duration rolePlayIdle, int passMark, Duration questionRetention, ZoneId timeZone,
                        String logLevel, Set<Long> supervisorIds, int drillTurns, Duration teamTick,
                        DashboardSettings dashboard) {

    public BotConfig {
        botToken = botToken == null ? "" : botToken.strip();
        Objects.requireNonNull(telegramApiUrl, "telegramApiUrl must not be null");
        Objects.requireNonNull(webhookUrl, "webhookUrl must not be null");
        webhookSecret = webhookSecret == null ? "" : webhookSecret.strip();
        adminIds = Set.copyOf(adminIds);
        allowedUserIds = Set.copyOf(allowedUserIds);
        supervisorIds = Set.copyOf(supervisorIds);
        Objects.requireNonNull(teamTick, "teamTick must not be null");
        Objects.requireNonNull(knowledgeDir, "knowledgeDir must not be null");
        Objects.requireNonNull(knowledgeLimits, "knowledgeLimits must not be null");
        Objects.requireNonNull(dataDir, "dataDir must not be null");
        Objects.requireNonNull(llm, "llm must not be null");
        Objects.requireNonNull(questionRetention, "questionRetention must not be null");
        Objects.requireNonNull(timeZone, "timeZone must not be null");
        Objects.requireNonNull(dashboard, "dashboard must not be null");
    }

    /** With a token the bot long-polls Telegram; without one it chats on the console. */
    public boolean telegramMode() {
        return !botToken.isEmpty();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "BotConfig[telegram=" + (telegramMode() ? "token ***" : "off") + ", api=" + telegramApiUrl
                + webhookUrl.map(u -> ", webhook=" + u).orElse("")
                + ", admins=" + adminIds.size() + ", supervisors=" + supervisorIds.size() + ", knowledge="
                + knowledgeDir.map(Path::toString).orElse("in the jar") + ", data=" + dataDir
                + ", " + llm + "]";
    }
}
