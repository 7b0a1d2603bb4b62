package org.coachbot.roleplay.scoring;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.coachbot.roleplay.Fixtures;
import org.coachbot.roleplay.engine.Meaning;
import org.coachbot.roleplay.engine.Outcome;
import org.coachbot.roleplay.engine.RolePlayEngine;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.engine.TurnResult;
import org.coachbot.roleplay.engine.CustomerPersona;
import org.coachbot.roleplay.persona.LlmPersona;
import org.coachbot.roleplay.persona.ScriptedPersona;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same trainee lines score the same whether the scripted customer or a language model answered them. */
class ScoreWithAnyPersonaTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final FakeOpenAiServer server = new FakeOpenAiServer();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Rubric rubric = Fixtures.rubric();

    ScoreWithAnyPersonaTest() throws IOException {
    }

    @AfterEach
    void close() {
        server.close();
        executor.shutdownNow();
    }

    @Test
    void a_call_scores_the_same_with_the_scripted_customer_and_with_a_model() {
        // given: a model whose customer says something else every turn
        server.replyWith(request -> "你说的我不太明白,再说一遍?" + server.requests().size());
        ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("fake-model").timeout(Duration.ofSeconds(30)).maxRetries(0).build();
        List<String> lines = List.of("您好,前台小王。真不好意思,这么晚让您没热水。", "您是哪个房间?",
                "吵死了,跟我喊也没用。", "低区有空房,我现在就给您换过去,十分钟内房卡送上来。", "好的,那就这样,晚安。");

        // when
        Scorecard scripted = play(new ScriptedPersona(), lines);
        Scorecard modelled = play(new LlmPersona(model, executor, Duration.ofSeconds(10), new ScriptedPersona()),
                lines);

        // then
        assertEquals(scripted.total(), modelled.total());
        assertEquals(scripted.dimensions(), modelled.dimensions());
        assertEquals(scripted.observations(), modelled.observations());
        assertEquals(scripted.adjustments(), modelled.adjustments());
    }

    private Scorecard play(CustomerPersona persona, List<String> lines) {
        Scenario hotel = Fixtures.scenario(Fixtures.HOTEL);
        RolePlayEngine engine = new RolePlayEngine(persona, RolePlayEngine.DEFAULT_MAX_TURNS, Meaning.NONE);
        Session s = engine.start(hotel, 1, 1, 5, NOW);
        Outcome outcome = Outcome.ENDED;
        for (String line : lines) {
            TurnResult r = engine.play(hotel, rubric, s, line, NOW);
            s = r.session();
            if (r.outcome().finished()) {
                outcome = r.outcome();
                break;
            }
        }
        return new Scorer().score(rubric, hotel, s, outcome);
    }
}
