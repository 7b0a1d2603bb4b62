package org.coachbot.llm;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.coachbot.testing.FakeOpenAiServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimedChatTest {
    private static final String KEY = "sk-live-51HmYkQ2eZvKYlo2C0123456789";

    private static ChatModel model(FakeOpenAiServer server, String key) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey(key).modelName("m")
                .timeout(Duration.ofSeconds(10)).maxRetries(0).build();
    }

    @Test
    void a_provider_error_that_echoes_the_api_key_is_reported_without_it() throws Exception {
        ExecutorService pool = TimedChat.pool(2);
        try (FakeOpenAiServer server = new FakeOpenAiServer().rejectKeyEchoingIt()) {
            TimedChat chat = new TimedChat(model(server, KEY), pool);

            LlmException e = assertThrows(LlmException.class,
                    () -> chat.chat(List.of(UserMessage.from("你好")), Duration.ofSeconds(10)));

            assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
            assertFalse(e.getMessage().contains("51HmYkQ2eZvKYlo2C0123456789"), e.getMessage());
            assertNull(e.getCause(), "the raw provider exception would carry the body into a stack trace");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_configured_key_is_masked_even_when_it_looks_like_nothing_special() throws Exception {
        ExecutorService pool = TimedChat.pool(2);
        try (FakeOpenAiServer server = new FakeOpenAiServer().rejectKeyEchoingIt()) {
            LlmSettings settings = new LlmSettings(LlmProvider.OPENAI, server.baseUrl(), "m", "team-gpu-pass",
                    Duration.ofSeconds(10), Duration.ofSeconds(10), 0, 2);
            TimedChat chat = new TimedChat(ChatModels.fromSettings(settings).orElseThrow(), pool);

            LlmException e = assertThrows(LlmException.class,
                    () -> chat.chat(List.of(UserMessage.from("你好")), Duration.ofSeconds(10)));

            assertFalse(e.getMessage().contains("team-gpu-pass"), e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_call_beyond_the_pool_fails_at_once_instead_of_queueing_behind_a_hanging_provider() throws Exception {
        ExecutorService pool = TimedChat.pool(1);
        try (FakeOpenAiServer server = new FakeOpenAiServer().hang()) {
            TimedChat chat = new TimedChat(model(server, "k"), pool);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> assertThrows(LlmException.class,
                    () -> chat.chat(List.of(UserMessage.from("一")), Duration.ofSeconds(30))));
            assertTrue(server.awaitRequests(1, Duration.ofSeconds(20)), "the first call never reached the server");

            LlmException busy = assertThrows(LlmException.class,
                    () -> chat.chat(List.of(UserMessage.from("二")), Duration.ofSeconds(30)));

            assertTrue(busy.getMessage().contains("busy"), busy.getMessage());
            server.close();
            first.join();
        } finally {
            pool.shutdownNow();
        }
    }
}
