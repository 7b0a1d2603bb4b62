package org.coachbot.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a Mini App's {@code initData} as Telegram's documentation prescribes: the data-check-string is every
 * field but {@code hash}, sorted by key, as {@code key=value} lines joined by {@code \n};
 * {@code secret_key = HMAC_SHA256("WebAppData", bot_token)} (the constant is the key) and
 * {@code hash = hex(HMAC_SHA256(secret_key, data_check_string))}. Then {@code auth_date} must be no older than the
 * configured age. {@link #sign} does the reverse, for the console's one-time sign-in and for tests.
 */
public final class InitDataVerifier {
    /** Telegram's initData is a few hundred bytes; a request with far more is not from a Telegram client. */
    static final int MAX_LENGTH = 8192;
    /** A client clock a little ahead of ours must not lock a supervisor out. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final byte[] secretKey;
    private final Duration maxAge;
    private final Clock clock;

    /** @param botToken the bot's token (or, in the console, a random key of this run); never logged */
    public InitDataVerifier(String botToken, Duration maxAge, Clock clock) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("botToken must not be blank");
        }
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken);
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /**
     * The signed user of {@code raw}.
     *
     * @throws InitDataException when it is missing, malformed, not signed with this key, too old or has no user
     */
    public InitData verify(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InitDataException(InitDataException.Reason.MISSING, "no initData");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InitDataException(InitDataException.Reason.MALFORMED, "initData longer than " + MAX_LENGTH);
        }
        Map<String, String> fields = parse(raw);
        String hash = fields.remove("hash");
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new InitDataException(InitDataException.Reason.MALFORMED, "initData has no hash of 64 hex digits");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secretKey, dataCheckString(fields)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, hash.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII))) {
            throw new InitDataException(InitDataException.Reason.BAD_SIGNATURE, "initData is not signed by this bot");
        }
        Instant authDate = authDate(fields.get("auth_date"));
        Instant now = clock.instant();
        if (authDate.isBefore(now.minus(maxAge)) || authDate.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InitDataException(InitDataException.Reason.EXPIRED, "initData signed at " + authDate
                    + " is outside the accepted age of " + maxAge);
        }
        return user(fields.get("user"), authDate);
    }

    /** {@code fields} with their {@code hash}, URL-encoded as Telegram sends {@code initData}. */
    public String sign(Map<String, String> fields) {
        Map<String, String> sorted = new TreeMap<>(fields);
        sorted.remove("hash");
        String hash = HexFormat.of().formatHex(hmac(secretKey, dataCheckString(sorted)));
        StringJoiner out = new StringJoiner("&");
        sorted.forEach((k, v) -> out.add(encode(k) + "=" + encode(v)));
        return out + "&hash=" + hash;
    }

    /** Fields by key, decoded; a key given twice makes the whole string malformed. */
    private static Map<String, String> parse(String raw) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InitDataException(InitDataException.Reason.MALFORMED, "initData has a field without a key");
            }
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InitDataException(InitDataException.Reason.MALFORMED, "initData is not URL-encoded");
            }
            if (fields.put(key, value) != null) {
                // One signed value and one added by hand would otherwise be read differently by us and the signer.
                throw new InitDataException(InitDataException.Reason.MALFORMED, "initData repeats a field");
            }
        }
        return fields;
    }

    private static String dataCheckString(Map<String, String> sortedFields) {
        return sortedFields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static Instant authDate(String value) {
        if (value == null || !value.matches("\\d{1,12}")) {
            throw new InitDataException(InitDataException.Reason.MALFORMED, "initData has no auth_date");
        }
        return Instant.ofEpochSecond(Long.parseLong(value));
    }

    private static InitData user(String json, Instant authDate) {
        if (json == null) {
            throw new InitDataException(InitDataException.Reason.NO_USER, "initData names no user");
        }
        try {
            JsonNode user = JSON.readTree(json);
            if (!user.path("id").canConvertToLong()) {
                throw new InitDataException(InitDataException.Reason.NO_USER, "initData's user has no id");
            }
            String name = (user.path("first_name").asText("") + " " + user.path("last_name").asText("")).strip();
            return new InitData(user.path("id").asLong(), name, user.path("username").asText(""), authDate);
        } catch (IOException e) {
            throw new InitDataException(InitDataException.Reason.MALFORMED, "initData's user is not JSON");
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
