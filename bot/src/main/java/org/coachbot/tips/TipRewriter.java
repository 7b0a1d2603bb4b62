package org.coachbot.tips;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.coachbot.chat.Html;
import org.coachbot.knowledge.Section;
import org.coachbot.llm.LlmException;
import org.coachbot.llm.TimedChat;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Has the language model write a tip's glance again from the same section and the sentences already chosen, in
 * the same short form; its wording is used only when it arrives within the budget and fits the first message.
 */
final class TipRewriter {
    private static final Logger log = LoggerFactory.getLogger(TipRewriter.class);
    private final TimedChat model;
    private final Duration budget;
    private final Texts texts;
    private final TipComposer composer;

    TipRewriter(TimedChat model, Duration budget, Texts texts, TipComposer composer) {
        this.model = model;
        this.budget = budget;
        this.texts = texts;
        this.composer = composer;
    }

    /**
     * The model's glance of the same section; empty when the model fails, is slower than the budget or writes more
     * than fits, and the extracted glance then stays.
     */
    CompletableFuture<Optional<String>> reword(String question, Section section, String extracted) {
        // The training material's principles the glance names stay above the model's wording.
        String principles = texts.get("tip.principles", "");
        String head = composer.title(section) + "\n" + extracted.lines().skip(1).limit(1)
                .filter(l -> l.startsWith(principles)).map(l -> l + "\n").findFirst().orElse("");
        String tail = "\n" + composer.source(section) + (section.hasEditorial() ? texts.get("tip.source.editorial")
                : "");
        int room = composer.maxChars() - Html.toPlain(head + tail).length();
        List<ChatMessage> messages = List.of(
                SystemMessage.from(texts.get("llm.system", room)),
                UserMessage.from(prompt(question, section, Html.toPlain(extracted))));
        return model.chatAsync(messages, budget).handle((answer, failure) -> {
            if (failure != null) {
                log.warn("LLM tip not used, the extracted tip stays: {}", rootMessage(failure));
                return Optional.empty();
            }
            String text = answer.replace("**", "").replaceAll("(?m)^#+\\s*", "").strip();
            if (text.isEmpty() || text.length() > room) {
                log.warn("LLM tip has {} characters, more than the {} that fit; the extracted tip stays",
                        text.length(), room);
                return Optional.empty();
            }
            return Optional.of(head + Html.escape(text) + tail);
        });
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof LlmException ? cause.getMessage() : cause.getClass().getSimpleName();
    }
    /** The section goes into the prompt verbatim so the model answers from it and nothing else. */
    private String prompt(String question, Section section, String chosen) {
        return texts.get("llm.prompt", section.title(), section.topic(), section.body(),
                question.isEmpty() ? texts.get("llm.question.unknown") : question, chosen);
    }
}
