package org.coachbot.tips;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Reply;
import org.coachbot.knowledge.KnowledgeState;
import org.coachbot.knowledge.Section;
import org.coachbot.llm.LlmException;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.Hit;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers an agent's quick question from the knowledge base: written by the language model from the retrieved
 * sections when one is configured, extracted from the sections otherwise or when the model fails.
 */
public final class TipService {
    /** Button data prefix for "show me this further section". */
    public static final String MORE_PREFIX = "tip:";
    /** Sections used in the answer; a fourth relevant one is offered behind a button. */
    private static final int ANSWER_SECTIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(TipService.class);

    private final Supplier<KnowledgeState> knowledge;
    private final Optional<TimedChat> llm;
    private final Duration llmTimeout;
    private final TipComposer composer;
    private final Texts texts = Texts.of("tips");

    /** @param knowledge the knowledge in service; read once per answer, so an answer never mixes two versions */
    public TipService(Supplier<KnowledgeState> knowledge, Optional<TimedChat> llm, Duration llmTimeout,
                      int maxChars) {
        this.knowledge = knowledge;
        this.llm = llm;
        this.llmTimeout = llmTimeout;
        this.composer = new TipComposer(texts, maxChars);
    }

    /** Answers the question; always returns a reply, an off-topic notice when nothing relevant was found. */
    public Reply answer(String question) {
        String q = question.strip();
        if (q.isEmpty()) {
            return Reply.html(texts.get("tip.empty"));
        }
        KnowledgeState state = knowledge.get();
        if (state.knowledge().sections().isEmpty()) {
            // Only files deleted on disk can get here: the chat refuses to delete the last knowledge file.
            return Reply.html(texts.get("tip.no.knowledge"));
        }
        List<Hit> hits = state.retriever().search(q, ANSWER_SECTIONS + 1);
        if (hits.isEmpty()) {
            return offTopic(state);
        }
        List<Section> used = hits.stream().limit(ANSWER_SECTIONS).map(Hit::section).toList();
        List<List<Button>> more = hits.size() > ANSWER_SECTIONS
                ? List.of(List.of(moreButton(hits.get(ANSWER_SECTIONS).section()))) : List.of();
        String body = llm.flatMap(model -> written(model, q, used)).orElseGet(() -> composer.compose(q, used));
        return Reply.html(body, more);
    }

    /** Shows the section behind a "more" button, or says it is gone after a knowledge change. */
    public Reply more(String data) {
        String key = data.substring(MORE_PREFIX.length());
        return knowledge.get().knowledge().sections().stream()
                .filter(s -> shortKey(s).equals(key))
                .findFirst()
                .map(s -> Reply.html(composer.full(s)))
                .orElseGet(() -> Reply.html(texts.get("tip.gone")));
    }

    private Optional<String> written(TimedChat model, String question, List<Section> sections) {
        List<ChatMessage> messages = List.of(
                SystemMessage.from(texts.get("llm.system")),
                UserMessage.from(prompt(question, sections)));
        try {
            String text = model.chat(messages, llmTimeout);
            StringBuilder out = new StringBuilder(Html.escape(text)).append("\n");
            for (Section s : sections) {
                out.append("\n").append(Html.italic(texts.get("tip.source", s.topic(), s.title())));
            }
            return Optional.of(out.toString());
        } catch (LlmException e) {
            log.warn("LLM tip failed, sending the extractive tip instead: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The sections go into the prompt verbatim so the model answers from them and nothing else. */
    static String prompt(String question, List<Section> sections) {
        StringBuilder out = new StringBuilder("培训资料:\n");
        for (Section s : sections) {
            out.append("【").append(s.title()).append("】(").append(s.topic()).append(")\n")
                    .append(s.body()).append("\n\n");
        }
        return out.append("客服人员的问题:").append(question).toString();
    }

    private Reply offTopic(KnowledgeState state) {
        List<String> topics = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (String example : texts.get("offtopic.examples").split("\\|")) {
            topics.add("• " + Html.escape(example));
        }
        for (String id : suggestedSectionIds()) {
            state.knowledge().section(id).filter(s -> buttons.size() < 3).ifPresent(s -> buttons.add(moreButton(s)));
        }
        return Reply.html(texts.get("offtopic", String.join("\n", topics)),
                buttons.isEmpty() ? List.of() : List.of(buttons));
    }

    /** The sections offered as buttons when a question is declined, in the order the texts list them. */
    public static List<String> suggestedSectionIds() {
        return List.of(Texts.of("tips").get("offtopic.suggested").split("\\|"));
    }

    private Button moreButton(Section s) {
        String label = s.title().length() > 18 ? s.title().substring(0, 17) + "…" : s.title();
        return new Button(texts.get("tip.more", label), MORE_PREFIX + shortKey(s));
    }

    /** Section ids can exceed Telegram's 64-byte button data, so buttons carry a short hash instead. */
    static String shortKey(Section s) {
        return Integer.toHexString(s.id().hashCode());
    }
}
