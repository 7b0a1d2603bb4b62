package org.coachbot.dashboard;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InitDataVerifierTest {
    /** The reference example of the Telegram Mini Apps platform documentation (tma.js), token and initData. */
    private static final String REFERENCE_TOKEN = "5768337691:AAH5YkoiEuPk8-FZa32hStHTqXiLPtAEhx8";
    private static final String REFERENCE = "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C"
            + "%22first_name%22%3A%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost"
            + "%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%7D&auth_date=1662771648"
            + "&hash=c501b71e775f74ce10e377dea85a7ea24ecd640b223ea86dfe453e0eaed2e2b2";
    /** A newer reference (init-data-golang's), with the Ed25519 {@code signature} field the HMAC also covers. */
    private static final String MODERN_TOKEN = "7342037359:AAHI25ES9xCOMPokpYoz-p8XVrZUdygo2J4";
    private static final String MODERN = "user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-"
            + "%20%3F%20%5C%2F%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C"
            + "%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%22allows_write_to_pm%22%3Atrue%2C"
            + "%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%2F4FPEE4tmP3ATHa57u6Mq"
            + "TDih13LTOiMoKoLDRG4PnSA.svg%22%7D&chat_instance=8134722200314281151&chat_type=private"
            + "&auth_date=1733509682&signature=TYJxVcisqbWjtodPepiJ6ghziUL94-KNpG8Pau-X7oNNLNBM72APCpi_RKiUlBvcqo5L-"
            + "LAxIc3dnTzcZX_PDg&hash=a433d8f9847bd6addcc563bff7cc82c89e97ea0d90c11fe5729cae6796a36d73";
    private static final String TOKEN = "123456:TEST-token_for-the-dashboard";
    private static final Instant NOW = Instant.parse("2025-03-10T01:00:00Z");

    private static InitDataVerifier verifier(String token, Instant now) {
        return new InitDataVerifier(token, Duration.ofDays(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void should_accept_telegrams_reference_init_data_signed_with_its_token() {
        InitData who = verifier(REFERENCE_TOKEN, Instant.ofEpochSecond(1662771648).plusSeconds(60)).verify(REFERENCE);

        assertEquals(279058397, who.userId());
        assertEquals("Vladislav Kibenko", who.name());
        assertEquals("vdkfrost", who.username());
    }

    @Test
    void should_accept_init_data_with_the_newer_signature_field_since_the_hash_covers_every_field() {
        InitData who = verifier(MODERN_TOKEN, Instant.ofEpochSecond(1733509682)).verify(MODERN);

        assertEquals(279058397, who.userId());
        assertEquals("Vladislav + - ? / Kibenko", who.name());
    }

    @Test
    void should_compute_the_hash_as_the_documentation_prescribes() throws Exception {
        // given the data-check-string and keys built by hand, step by step as Telegram documents them
        String user = "{\"id\":42,\"first_name\":\"王主管\"}";
        String dataCheckString = "auth_date=" + NOW.getEpochSecond() + "\nquery_id=Q1\nuser=" + user;
        byte[] secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), TOKEN);
        String hash = HexFormat.of().formatHex(hmac(secretKey, dataCheckString));

        // when
        String signed = verifier(TOKEN, NOW).sign(Map.of("user", user, "auth_date",
                String.valueOf(NOW.getEpochSecond()), "query_id", "Q1"));

        // then
        assertEquals(hash, signed.substring(signed.indexOf("hash=") + 5));
        assertEquals(42, verifier(TOKEN, NOW).verify(signed).userId());
    }

    @Test
    void should_refuse_init_data_signed_with_another_token() {
        String signed = verifier("999:another-bot", NOW).sign(fields(NOW));

        InitDataException e = assertThrows(InitDataException.class, () -> verifier(TOKEN, NOW).verify(signed));

        assertEquals(InitDataException.Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void should_refuse_init_data_whose_user_was_altered_after_signing() {
        String signed = verifier(TOKEN, NOW).sign(fields(NOW));
        String altered = signed.replace("%3A42", "%3A43");

        InitDataException e = assertThrows(InitDataException.class, () -> verifier(TOKEN, NOW).verify(altered));

        assertEquals(InitDataException.Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void should_refuse_init_data_older_than_a_day_and_accept_it_just_within() {
        Instant signedAt = NOW.minus(Duration.ofDays(1)).minusSeconds(1);
        String old = verifier(TOKEN, NOW).sign(fields(signedAt));
        String recent = verifier(TOKEN, NOW).sign(fields(signedAt.plusSeconds(2)));

        InitDataException e = assertThrows(InitDataException.class, () -> verifier(TOKEN, NOW).verify(old));

        assertEquals(InitDataException.Reason.EXPIRED, e.reason());
        assertEquals(42, verifier(TOKEN, NOW).verify(recent).userId());
    }

    @Test
    void should_refuse_init_data_signed_for_a_moment_beyond_the_allowed_clock_skew() {
        String future = verifier(TOKEN, NOW).sign(fields(NOW.plus(InitDataVerifier.CLOCK_SKEW).plusSeconds(1)));

        InitDataException e = assertThrows(InitDataException.class, () -> verifier(TOKEN, NOW).verify(future));

        assertEquals(InitDataException.Reason.EXPIRED, e.reason());
    }

    @Test
    void should_refuse_a_field_given_twice_even_when_the_first_copy_is_signed() {
        String signed = verifier(TOKEN, NOW).sign(fields(NOW)) + "&user=%7B%22id%22%3A1%7D";

        InitDataException e = assertThrows(InitDataException.class, () -> verifier(TOKEN, NOW).verify(signed));

        assertEquals(InitDataException.Reason.MALFORMED, e.reason());
    }

    @Test
    void should_refuse_missing_malformed_and_userless_init_data_with_the_reason() {
        InitDataVerifier v = verifier(TOKEN, NOW);

        assertEquals(InitDataException.Reason.MISSING,
                assertThrows(InitDataException.class, () -> v.verify("")).reason());
        assertEquals(InitDataException.Reason.MALFORMED,
                assertThrows(InitDataException.class, () -> v.verify("auth_date=1&user=x")).reason());
        assertEquals(InitDataException.Reason.MALFORMED,
                assertThrows(InitDataException.class, () -> v.verify("x".repeat(InitDataVerifier.MAX_LENGTH + 1)))
                        .reason());
        String userless = v.sign(Map.of("auth_date", String.valueOf(NOW.getEpochSecond())));
        assertEquals(InitDataException.Reason.NO_USER,
                assertThrows(InitDataException.class, () -> v.verify(userless)).reason());
    }

    private static Map<String, String> fields(Instant signedAt) {
        return Map.of("auth_date", String.valueOf(signedAt.getEpochSecond()), "query_id", "AAH",
                "user", "{\"id\":42,\"first_name\":\"王\",\"last_name\":\"主管\",\"username\":\"boss\"}");
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
