package org.coachbot.roleplay.persona;

import dev.langchain4j.model.chat.ChatModel;
import org.coachbot.llm.LlmException;
import org.coachbot.llm.TimedChat;
import org.coachbot.roleplay.engine.CustomerPersona;
import org.coachbot.roleplay.engine.CustomerReply;
import org.coachbot.roleplay.engine.TurnContext;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The customer played by a language model, in character and briefly. When the model fails, answers nothing
 * usable or takes longer than the timeout, that turn is played by the fallback persona and the session goes on.
 */
public final class LlmPersona implements CustomerPersona {
    /** Longer than a model usually needs for two sentences, short enough that a trainee keeps waiting. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(LlmPersona.class);
    private final TimedChat chat;
    private final Duration timeout;
    private final CustomerPersona fallback;
    private final CustomerPrompt prompt = new CustomerPrompt(Texts.of("roleplay"));

    /** @param executor runs the model calls, so a hung provider only costs a pooled thread, not the handler */
    public LlmPersona(ChatModel model, ExecutorService executor, Duration timeout, CustomerPersona fallback) {
        this.chat = new TimedChat(model, executor);
        this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
        this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be > 0");
        }
    }

    /** The persona Main wants: the model's customer when one is configured, else the scripted one. */
    public static CustomerPersona orScripted(Optional<ChatModel> model, ExecutorService executor,
                                             Duration timeout) {
        ScriptedPersona scripted = new ScriptedPersona();
        return model.<CustomerPersona>map(m -> new LlmPersona(m, executor, timeout, scripted)).orElse(scripted);
    }

    /** The model's line follows the plan's first cue, as its prompt told it to. */
    @Override
    public CustomerReply reply(TurnContext turn) {
        try {
            String line = CustomerPrompt.tidy(chat.chat(prompt.messages(turn), timeout));
            if (!line.isEmpty() && !turn.session().customerLines().contains(line)) {
                return new CustomerReply(line, turn.plan().first());
            }
            log.warn("the model's customer line was empty or repeated; scripted line used for scenario {}",
                    turn.scenario().id());
        } catch (LlmException e) {
            // The trainee must not notice a provider outage beyond a plainer answer: log and play on.
            log.warn("model customer failed for scenario {} ({}); scripted line used", turn.scenario().id(),
                    e.getMessage());
        }
        return fallback.reply(turn);
    }
}
