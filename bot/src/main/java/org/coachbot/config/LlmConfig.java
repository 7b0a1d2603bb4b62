package org.coachbot.config;

import org.coachbot.llm.LlmProvider;
import org.coachbot.llm.LlmSettings;
import org.coachbot.roleplay.persona.LlmPersona;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static org.coachbot.config.SettingType.duration;
import static org.coachbot.config.SettingType.enumeration;
import static org.coachbot.config.SettingType.integer;
import static org.coachbot.config.SettingType.text;
import static org.coachbot.config.SettingType.url;

/** The {@code llm:} settings: the optional language model that rewords tips and plays the customer. */
public final class LlmConfig {
    static final SettingGroup GROUP = new SettingGroup("llm");

    public static final Setting<LlmProvider> PROVIDER = GROUP.setting("provider", enumeration(LlmProvider.class),
                    LlmProvider.NONE)
            .env("LLM_PROVIDER")
            .help("none | openai (any OpenAI-compatible endpoint) | ollama.");

    /** Checked as a URL only when a provider is chosen, so an unused value never stops the bot. */
    public static final Setting<String> BASE_URL = GROUP.setting("base_url", text(), "")
            .env("LLM_BASE_URL")
            .help("Endpoint base URL, e.g. http://127.0.0.1:11434/v1 for Ollama's OpenAI-compatible API.");

    public static final Setting<String> MODEL = GROUP.setting("model", text(), "")
            .env("LLM_MODEL")
            .help("Model name, e.g. qwen2.5:7b or deepseek-chat.");

    public static final Setting<String> API_KEY = GROUP.setting("api_key", text(), "")
            .env("LLM_API_KEY").secret()
            .help("The endpoint's API key, if it wants one.");

    public static final Setting<Duration> TIP_TIMEOUT = GROUP.setting("tip_timeout_seconds",
                    duration(ChronoUnit.SECONDS, 1, 600), Duration.ofSeconds(8))
            .help("Seconds the LLM may take to reword a tip: the tip from the knowledge goes out at once, and the"
                    + " model's wording replaces it by an edit only when it arrives within this budget (an agent"
                    + " mid-call never waits for the model).");

    public static final Setting<Duration> ROLEPLAY_TIMEOUT = GROUP.setting("roleplay_timeout_seconds",
                    duration(ChronoUnit.SECONDS, 1, 600), LlmPersona.DEFAULT_TIMEOUT)
            .help("Seconds to wait for the LLM customer's line before the scripted customer plays that turn.");

    public static final Setting<Integer> MAX_RETRIES = GROUP.setting("max_retries", integer(0, 5), 0)
            .help("Retries of a failed LLM call inside the timeout; 0 keeps slow providers from doubling the"
                    + " wait.");

    public static final Setting<Integer> MAX_CONCURRENT_CALLS = GROUP.setting("max_concurrent_calls",
                    integer(1, 256), LlmSettings.DEFAULT_MAX_CONCURRENT_CALLS)
            .env("LLM_MAX_CONCURRENT_CALLS")
            .help("Model calls in flight at once; when all are busy the next answer is sent without the model at"
                    + " once, so a hanging provider holds at most this many threads.");

    private LlmConfig() {
    }

    /** The model settings together: a chosen provider needs a model name, and openai an endpoint URL too. */
    static LlmSettings settings(BotConfig config) {
        LlmSettings llm = new LlmSettings(config.get(PROVIDER), config.get(BASE_URL), config.get(MODEL),
                config.get(API_KEY), config.get(TIP_TIMEOUT), config.get(ROLEPLAY_TIMEOUT), config.get(MAX_RETRIES),
                config.get(MAX_CONCURRENT_CALLS));
        if (!llm.enabled()) {
            return llm;
        }
        String provider = llm.provider().name().toLowerCase(Locale.ROOT);
        if (llm.provider() == LlmProvider.OPENAI && llm.baseUrl().isEmpty()) {
            throw new ConfigException(config.nameOf(BASE_URL), "",
                    "the endpoint URL when " + config.nameOf(PROVIDER) + "=" + provider);
        }
        if (!llm.baseUrl().isEmpty()) {
            try {
                url().parse(llm.baseUrl());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(config.nameOf(BASE_URL), llm.baseUrl(), url().expected());
            }
        }
        if (llm.model().isEmpty()) {
            throw new ConfigException(config.nameOf(MODEL), "",
                    "a model name when " + config.nameOf(PROVIDER) + " is " + provider);
        }
        return llm;
    }
}
