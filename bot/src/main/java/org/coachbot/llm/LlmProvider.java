package org.coachbot.llm;

/** Which language model backs tips and the role-play customer. */
public enum LlmProvider {
    /** No model: extractive tips and the scripted customer. */
    NONE,
    /** Any OpenAI-compatible chat-completions endpoint (vLLM, Ollama's /v1, DeepSeek, DashScope compatible mode). */
    OPENAI,
    /** Ollama's native API. */
    OLLAMA
}
