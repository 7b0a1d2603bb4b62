package org.coachbot.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in without Telegram, for the console: each link carries a random code that works once. The page trades it
 * for {@code initData} signed with this run's random key, so every later request is checked exactly as in
 * Telegram; a copied link that was already opened, or is older than the {@code initData} age, is refused.
 */
public final class ConsoleLogin {
    private static final int CODE_BYTES = 24;
    private final InitDataVerifier signer;
    private final long userId;
    private final String name;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> open = new ConcurrentHashMap<>();

    /** @param signer signs with this run's key; it must be the verifier the dashboard checks requests with */
    public ConsoleLogin(InitDataVerifier signer, long userId, String name, Duration lifetime, Clock clock) {
        this.signer = signer;
        this.userId = userId;
        this.name = name;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new code that {@link #redeem} accepts once. */
    public String newCode() {
        Instant now = clock.instant();
        open.values().removeIf(expiry -> expiry.isBefore(now));
        byte[] bytes = new byte[CODE_BYTES];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(code, now.plus(lifetime));
        return code;
    }

    /** The console user's signed {@code initData}, once per code; empty for a used, expired or unknown code. */
    public Optional<String> redeem(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Instant expiry = open.remove(code);
        Instant now = clock.instant();
        if (expiry == null || expiry.isBefore(now)) {
            return Optional.empty();
        }
        String user = "{\"id\":" + userId + ",\"first_name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
        return Optional.of(signer.sign(Map.of("auth_date", String.valueOf(now.getEpochSecond()), "user", user)));
    }
}
