package org.coachbot.tips;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.insights.AnswerKind;
import org.coachbot.insights.AskedQuestion;
import org.coachbot.insights.FeedbackButtons;
import org.coachbot.insights.QuestionLog;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeState;
import org.coachbot.knowledge.Section;
import org.coachbot.llm.LlmException;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.Coverage;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.retrieval.Retrieval;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers an agent's quick question with a glance that fits a look mid-call: the technique, a sentence to say now
 * and the source, with 展开 (the whole section), 换一个 (the next best section) and 👍 / 👎. The glance is written by
 * the language model from the same section when one is configured, extracted from it otherwise or when the model
 * fails, is slow or writes too much. Questions the material does not cover, or that are not about customer service,
 * are declined honestly. Every question is recorded in the {@link QuestionLog}.
 */
public final class TipService {
    /** Button data prefix of the tip buttons. */
    public static final String BUTTON_PREFIX = TipButtons.PREFIX;
    /** Sections kept in the ranking behind 换一个. */
    static final int RANKED = 4;
    /** Nearest topics offered when a question is declined. */
    static final int OFFERED = 3;
    private static final Logger log = LoggerFactory.getLogger(TipService.class);

    private final Supplier<KnowledgeState> knowledge;
    private final QuestionLog questions;
    private final Optional<TimedChat> llm;
    private final Duration llmTimeout;
    private final Clock clock;
    private final TipComposer composer;
    private final Texts texts = Texts.of("tips");
    /** Question id → the question, so 换一个 picks lines for it; lost on restart, when lines are picked without it. */
    private final Cache<Long, String> asked = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * @param knowledge the knowledge in service; read once per answer, so the sections, their index and the version
     *                  recorded with the question always belong together
     */
    public TipService(Supplier<KnowledgeState> knowledge, QuestionLog questions, Optional<TimedChat> llm,
                      Duration llmTimeout, int maxChars, Clock clock) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
        this.questions = Objects.requireNonNull(questions, "questions must not be null");
        this.llm = Objects.requireNonNull(llm, "llm must not be null");
        this.llmTimeout = Objects.requireNonNull(llmTimeout, "llmTimeout must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.composer = new TipComposer(texts, maxChars);
    }

    /** Answers the question of {@code in} (its text, or the argument of /ask); always returns a reply. */
    public Reply answer(Incoming in, String question) {
        String q = question.strip();
        if (q.isEmpty()) {
            return Reply.html(texts.get("tip.empty"));
        }
        KnowledgeState src = knowledge.get();
        if (src.knowledge().sections().isEmpty()) {
            // Only files deleted on disk can get here: the chat refuses to delete the last knowledge file.
            return Reply.html(texts.get("tip.no.knowledge"));
        }
        Retrieval retrieval = src.retriever().retrieve(q, RANKED);
        List<Hit> ranking = retrieval.hits();
        return switch (retrieval.coverage()) {
            case OFF_TOPIC -> offTopic(src, record(in, q, AnswerKind.OFF_TOPIC, List.of(), src));
            case UNCOVERED -> uncovered(retrieval, record(in, q, AnswerKind.UNCOVERED, List.of(), src));
            case COVERED -> {
                String normalized = new QueryNormalizer(src.knowledge().glossary()).question(q);
                List<Section> found = ranking.stream().map(Hit::section).toList();
                TipComposer.Glance glance = composer.glance(normalized, found, retrieval.sentences());
                List<Section> shown = first(glance.section(), found);
                long id = record(in, q, AnswerKind.TIP, List.of(shown.get(0).id()), src);
                if (id != QuestionLog.NOT_RECORDED) {
                    asked.put(id, q);
                }
                yield glanceReply(q, shown, glance.html(), id);
            }
        };
    }

    /** 展开, 换一个 and the topics offered with a declined question. */
    public void onButton(Incoming in, Responder out) {
        String data = in.text();
        KnowledgeBase kb = knowledge.get().knowledge();
        if (data.matches("tip:[0-9a-f]{1,8}")) {
            // A "more" button from before the glance existed: show that section whole.
            out.send(find(kb, List.of(data.substring(BUTTON_PREFIX.length()))).stream().findFirst()
                    .map(s -> Reply.html(composer.full(s))).orElseGet(() -> Reply.html(texts.get("tip.gone"))));
            return;
        }
        Optional<TipButtons.Press> press = TipButtons.parse(data);
        List<Section> ranking = press.map(p -> find(kb, p.keys())).orElse(List.of());
        if (ranking.isEmpty()) {
            out.send(Reply.html(texts.get("tip.gone")));
            return;
        }
        long id = press.get().questionId();
        String question = Optional.ofNullable(asked.getIfPresent(id)).orElse("");
        switch (press.get().action()) {
            case TipButtons.EXPAND -> out.replace(Reply.html(composer.full(ranking.get(0)),
                    rows(nextRow(ranking, id), id)));
            case TipButtons.NEXT -> out.replace(glanceReply(question, ranking, glanceOf(question, ranking), id));
            default -> out.send(glanceReply(question, ranking, glanceOf(question, ranking), id));
        }
    }

    /**
     * Tips at a glance for inline mode: up to {@code max} sections that answer the question, each as its title,
     * the first line of its glance and the glance itself; empty when the question is declined. Extractive only,
     * and nothing is recorded: an inline query is typed letter by letter.
     */
    public List<Glance> glances(String question, int max) {
        String q = question.strip();
        KnowledgeState src = knowledge.get();
        if (q.isEmpty() || src.knowledge().sections().isEmpty()) {
            return List.of();
        }
        Retrieval found = src.retriever().retrieve(q, max);
        if (found.coverage() != Coverage.COVERED) {
            return List.of();
        }
        String normalized = new QueryNormalizer(src.knowledge().glossary()).question(q);
        List<Glance> out = new ArrayList<>();
        for (Hit hit : found.hits()) {
            Section s = hit.section();
            String html = composer.glance(normalized, s);
            String first = Html.toPlain(html).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElse(s.title());
            out.add(new Glance(TipButtons.key(s), s.title(), first, html));
        }
        return out;
    }

    /**
     * A tip at a glance.
     *
     * @param key  a short id of the section
     * @param html the glance as a message: technique, a sentence to say and the source
     */
    public record Glance(String key, String title, String firstLine, String html) {
    }

    /** The sections offered as buttons when a question is off-topic, in the order the texts list them. */
    public static List<String> suggestedSectionIds() {
        return List.of(Texts.of("tips").get("offtopic.suggested").split("\\|"));
    }

    /**
     * The glance of the first section of {@code ranking} for a button press: the question, when still known, is
     * judged again (from the retriever's cache) so sentences are chosen by meaning as in the first answer.
     */
    private String glanceOf(String question, List<Section> ranking) {
        KnowledgeState src = knowledge.get();
        String normalized = new QueryNormalizer(src.knowledge().glossary()).question(question);
        var scores = question.isEmpty() ? org.coachbot.retrieval.SentenceScores.NONE
                : src.retriever().retrieve(question, RANKED).sentences();
        return composer.glance(normalized, List.of(ranking.get(0)), scores).html();
    }

    /** {@code ranking} with {@code shown} first. */
    private static List<Section> first(Section shown, List<Section> ranking) {
        List<Section> out = new ArrayList<>();
        out.add(shown);
        ranking.stream().filter(s -> !s.id().equals(shown.id())).forEach(out::add);
        return out;
    }

    private Reply glanceReply(String question, List<Section> ranking, String extracted, long id) {
        Section first = ranking.get(0);
        String text = llm.flatMap(model -> written(model, question, first)).orElse(extracted);
        List<Button> actions = new ArrayList<>();
        actions.add(TipButtons.button(texts.get("tip.expand"), TipButtons.EXPAND, id, ranking));
        actions.addAll(nextRow(ranking, id));
        return Reply.html(text, rows(actions, id));
    }

    private List<Button> nextRow(List<Section> ranking, long id) {
        return ranking.size() < 2 ? List.of()
                : List.of(TipButtons.button(texts.get("tip.next"), TipButtons.NEXT, id, ranking.subList(1,
                ranking.size())));
    }

    /** The action buttons, then 👍 / 👎 when the question was recorded. */
    private static List<List<Button>> rows(List<Button> actions, long id) {
        List<List<Button>> rows = new ArrayList<>();
        if (!actions.isEmpty()) {
            rows.add(actions);
        }
        if (id != QuestionLog.NOT_RECORDED) {
            rows.add(FeedbackButtons.row(id));
        }
        return rows;
    }

    private Reply offTopic(KnowledgeState src, long id) {
        List<String> topics = new ArrayList<>();
        for (String example : texts.get("offtopic.examples").split("\\|")) {
            topics.add("• " + Html.escape(example));
        }
        List<Section> offered = new ArrayList<>();
        suggestedSectionIds().forEach(s -> src.knowledge().section(s).ifPresent(offered::add));
        return Reply.html(texts.get("offtopic", String.join("\n", topics)), offers(offered, id));
    }

    private Reply uncovered(Retrieval found, long id) {
        List<Section> nearest = found.hits().stream().map(Hit::section).limit(OFFERED).toList();
        String gap = found.gap().isEmpty() ? "" : texts.get("uncovered.gap", Html.escape(found.gap()));
        return Reply.html(texts.get("uncovered", gap), offers(nearest, id));
    }

    private List<List<Button>> offers(List<Section> sections, long id) {
        List<Button> buttons = sections.stream().limit(OFFERED)
                .map(s -> TipButtons.button(label(s), TipButtons.SHOW, id, List.of(s))).toList();
        return buttons.isEmpty() ? List.of() : List.of(buttons);
    }

    private static String label(Section s) {
        return s.title().length() > 18 ? s.title().substring(0, 17) + "…" : s.title();
    }

    /**
     * Records the question; a log that fails costs the 👍 / 👎 row, never the answer. Returns the id, or
     * {@link QuestionLog#NOT_RECORDED} when the question could not be recorded.
     */
    private long record(Incoming in, String question, AnswerKind kind, List<String> sections, KnowledgeState src) {
        try {
            return questions.record(new AskedQuestion(in.user().id(), in.chatId(), question, kind, sections,
                    src.version(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("could not record a question in the question log; answering without feedback buttons", e);
            return QuestionLog.NOT_RECORDED;
        }
    }

    private static List<Section> find(KnowledgeBase kb, List<String> keys) {
        List<Section> out = new ArrayList<>();
        for (String key : keys) {
            kb.sections().stream().filter(s -> TipButtons.key(s).equals(key)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** The model's glance, or empty (so the extracted one is sent) when it fails, is slow or writes too much. */
    private Optional<String> written(TimedChat model, String question, Section section) {
        String head = composer.title(section) + "\n";
        String tail = "\n" + composer.source(section) + (section.hasEditorial() ? texts.get("tip.source.editorial")
                : "");
        int room = composer.maxChars() - Html.toPlain(head + tail).length();
        List<ChatMessage> messages = List.of(
                SystemMessage.from(texts.get("llm.system", room)),
                UserMessage.from(prompt(question, section)));
        try {
            String text = model.chat(messages, llmTimeout).replace("**", "").replaceAll("(?m)^#+\\s*", "").strip();
            if (text.isEmpty() || text.length() > room) {
                log.warn("LLM tip has {} characters, more than the {} that fit; sending the extracted tip instead",
                        text.length(), room);
                return Optional.empty();
            }
            return Optional.of(head + Html.escape(text) + tail);
        } catch (LlmException e) {
            log.warn("LLM tip failed, sending the extracted tip instead: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The section goes into the prompt verbatim so the model answers from it and nothing else. */
    private String prompt(String question, Section section) {
        return texts.get("llm.prompt", section.title(), section.topic(), section.body(),
                question.isEmpty() ? texts.get("llm.question.unknown") : question);
    }
}
