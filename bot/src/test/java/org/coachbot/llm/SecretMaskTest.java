package org.coachbot.llm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskTest {
    @Test
    void masks_bearer_tokens_sk_keys_bot_tokens_and_key_like_fields() {
        String body = "{\"error\":\"Incorrect API key provided: sk-proj-AbC123dEf456GhI789\","
                + " \"headers\": {\"Authorization\": \"Bearer eyJhbGciOi.J9x-Yz\"}, \"api_key\": \"k9v8u7t6\","
                + " \"token=Zq1Wx2Ec3\", url: https://api.telegram.org/bot123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0}";

        String masked = SecretMask.mask(body);

        for (String secret : new String[]{"AbC123dEf456GhI789", "eyJhbGciOi.J9x-Yz", "k9v8u7t6", "Zq1Wx2Ec3",
                "AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0"}) {
            assertFalse(masked.contains(secret), secret + " in " + masked);
        }
        assertTrue(masked.contains("sk-***") && masked.contains("Bearer ***"), masked);
    }

    @Test
    void masks_a_remembered_key_wherever_it_appears_and_long_random_runs() {
        SecretMask.remember("plainword-key");

        assertEquals("the key was *** and ***", SecretMask.mask("the key was plainword-key and "
                + "a8F3kL0pQ2zX7vB9nM4cR6tY1uI5oP8s"));
    }

    @Test
    void leaves_ordinary_text_alone_and_cuts_long_bodies() {
        assertEquals("HTTP 500: model qwen2.5:7b is overloaded, try again in 30 seconds",
                SecretMask.mask("HTTP 500: model qwen2.5:7b is overloaded, try again in 30 seconds"));
        assertEquals(SecretMask.MAX_CHARS + 1, SecretMask.mask("<html>" + "x ".repeat(2000)).length());
    }
}
