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
import org.coachbot.knowledge.Section;
import org.coachbot.library.KnowledgeState;
import org.coachbot.llm.LlmException;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.Coverage;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.QueryNormalizer;
import org.coachbot.retrieval.Retrieval;
import org.coachbot.retrieval.SentenceScores;
import org.coachbot.safety.Danger;
import org.coachbot.safety.DangerCheck;
import org.coachbot.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private static final Logger log = LoggerFactory.getLogger(TipService.class);

    private final Supplier<KnowledgeState> knowledge;
    private final QuestionLog questions;
    private final Optional<TipRewriter> rewriter;
    private final Clock clock;
    private final DangerCheck safety;
    private final SupervisorAlert alerts;
    private final TipComposer composer;
    private final SafetyTip safetyTip;
    private final Declines declines;
    private final Texts texts = Texts.of("tips");
    /** Question id → the question, so 换一个 picks lines for it; lost on restart, when lines are picked without it. */
    private final Cache<Long, String> asked = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Questions whose message the agent changed with a button: the model's wording no longer replaces it. */
    private final Cache<Long, Boolean> touched = Caffeine.newBuilder().maximumSize(10_000).build();

    /** A tip service that recognises no danger and has no supervisors to tell. */
    public TipService(Supplier<KnowledgeState> knowledge, QuestionLog questions, Optional<TimedChat> llm,
                      Duration llmBudget, int maxChars, Clock clock) {
        this(knowledge, questions, llm, llmBudget, maxChars, clock, DangerCheck.NONE, SupervisorAlert.NONE);
    }

    /**
     * @param knowledge the knowledge in service; read once per answer, so the sections, their index and the version
     *                  recorded with the question always belong together
     * @param llmBudget how long the model may take to reword a tip that was already sent; later, its wording is
     *                  dropped
     * @param safety    recognises a caller in danger before any ordinary retrieval
     * @param alerts    tells the supervisors when the agent presses 通知主管
     */
    public TipService(Supplier<KnowledgeState> knowledge, QuestionLog questions, Optional<TimedChat> llm,
                      Duration llmBudget, int maxChars, Clock clock, DangerCheck safety, SupervisorAlert alerts) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge must not be null");
        this.questions = Objects.requireNonNull(questions, "questions must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.safety = Objects.requireNonNull(safety, "safety must not be null");
        this.alerts = Objects.requireNonNull(alerts, "alerts must not be null");
        this.composer = new TipComposer(texts, maxChars);
        this.safetyTip = new SafetyTip(texts, composer);
        Objects.requireNonNull(llmBudget, "llmBudget must not be null");
        this.rewriter = Objects.requireNonNull(llm, "llm must not be null")
                .map(model -> new TipRewriter(model, llmBudget, texts, composer));
        this.declines = new Declines(texts);
    }

    /** The first message of a tip and what the model may reword. */
    private record First(Reply reply, String question, Section section, String extracted, long id) {
        /** Whether the model may offer its wording: a tip from a section, never a decline or a safety tip. */
        boolean rewordable() {
            return section != null;
        }
    }

    /**
     * Answers the question of {@code in} (its text, or the argument of /ask) with the first message, built from the
     * knowledge alone; always returns a reply.
     */
    public Reply answer(Incoming in, String question) {
        return first(in, question).reply();
    }

    /**
     * Sends the answer at once; with a language model, the model then writes the same short form from the chosen
     * sentences, and its wording replaces the message when it arrives within the budget and the agent has not
     * pressed a button on it. A safety tip is never reworded. The future completes when the rewording is over,
     * whatever its outcome; nobody needs to wait for it.
     */
    public CompletableFuture<Void> answer(Incoming in, String question, Responder out) {
        First first = first(in, question);
        if (rewriter.isEmpty() || !first.rewordable()) {
            out.send(first.reply());
            return CompletableFuture.completedFuture(null);
        }
        Responder.Sent sent = out.sendReplaceable(first.reply());
        return rewriter.get().reword(first.question(), first.section(), first.extracted()).thenAccept(text ->
                text.ifPresent(t -> {
                    if (first.id() == QuestionLog.NOT_RECORDED || touched.getIfPresent(first.id()) == null) {
                        sent.replace(Reply.html(t, first.reply().buttons()));
                    }
                }));
    }

    private First first(Incoming in, String question) {
        String q = question.strip();
        if (q.isEmpty()) {
            return new First(Reply.html(texts.get("tip.empty")), q, null, "", QuestionLog.NOT_RECORDED);
        }
        KnowledgeState src = knowledge.get();
        String normalized = new QueryNormalizer(src.knowledge().glossary()).question(q);
        Optional<Danger> danger = safety.detect(normalized);
        if (danger.isPresent()) {
            return inDanger(in, q, danger.get(), src);
        }
        if (src.knowledge().sections().isEmpty()) {
            // Only files deleted on disk can get here: the chat refuses to delete the last knowledge file.
            return new First(Reply.html(texts.get("tip.no.knowledge")), q, null, "", QuestionLog.NOT_RECORDED);
        }
        Retrieval retrieval = src.retriever().retrieve(q, RANKED + 1);
        List<Hit> found = retrieval.hits();
        Optional<Danger> plausible = safety.plausible(normalized);
        if (plausible.isPresent() && (retrieval.coverage() != Coverage.COVERED
                || dangerOf(found.get(0).section()).isPresent())) {
            // A plausible danger is not declined, and where retrieval finds a danger's steps closest they are given.
            return inDanger(in, q, found.isEmpty() ? plausible.get()
                    : dangerOf(found.get(0).section()).orElse(plausible.get()), src);
        }
        // The danger steps are given as such or not at all: never as an ordinary tip to an ordinary question.
        List<Hit> ranking = found.stream().filter(h -> dangerOf(h.section()).isEmpty()).limit(RANKED).toList();
        if (ranking.isEmpty() && retrieval.coverage() == Coverage.COVERED) {
            return declined(q, declines.offTopic(src.knowledge(), record(in, q, AnswerKind.OFF_TOPIC, List.of(), src)));
        }
        return switch (retrieval.coverage()) {
            case OFF_TOPIC -> declined(q, declines.offTopic(src.knowledge(), record(in, q, AnswerKind.OFF_TOPIC, List.of(), src)));
            case UNCOVERED -> declined(q, declines.uncovered(ranking, retrieval.gap(),
                    record(in, q, AnswerKind.UNCOVERED, List.of(), src)));
            case COVERED -> {
                List<Section> sections = ranking.stream().map(Hit::section).toList();
                if (AskedNumber.unanswered(QuestionForm.ownPart(normalized), sections)) {
                    yield declined(q, declines.numberNotGiven(ranking,
                            record(in, q, AnswerKind.UNCOVERED, List.of(), src)));
                }
                TipComposer.Glance glance = composer.glance(normalized, ranking, retrieval.sentences());
                List<Section> shown = first(glance.section(), sections);
                long id = record(in, q, AnswerKind.TIP, List.of(shown.get(0).id()), src);
                if (id != QuestionLog.NOT_RECORDED) {
                    asked.put(id, q);
                }
                yield new First(glanceReply(shown, glance.html(), id), q, shown.get(0), glance.html(), id);
            }
        };
    }

    /** The danger whose steps a section holds, when it is one of the safety sections. */
    private Optional<Danger> dangerOf(Section section) {
        if (!section.file().equals(SafetyTip.FILE)) {
            return Optional.empty();
        }
        return Arrays.stream(Danger.values())
                .filter(d -> texts.get("safety.title." + d.key()).equals(section.title())).findFirst();
    }

    private static First declined(String question, Reply reply) {
        return new First(reply, question, null, "", QuestionLog.NOT_RECORDED);
    }

    /** The safety steps first, with 展开 and, when the agent has supervisors, 通知主管. */
    private First inDanger(Incoming in, String question, Danger danger, KnowledgeState src) {
        Optional<Section> section = SafetyTip.section(src.knowledge(), texts.get("safety.title." + danger.key()));
        long id = record(in, question, AnswerKind.SAFETY, section.map(s -> List.of(s.id())).orElse(List.of()), src);
        if (id != QuestionLog.NOT_RECORDED) {
            asked.put(id, question);
        }
        List<Button> actions = new ArrayList<>();
        section.ifPresent(s -> actions.add(TipButtons.button(texts.get("tip.expand"), TipButtons.EXPAND, id,
                List.of(s))));
        if (alerts.available(in.user()) && id != QuestionLog.NOT_RECORDED) {
            actions.add(TipButtons.alert(texts.get("tip.alert"), id, danger));
        }
        return new First(Reply.html(safetyTip.glance(danger, section), rows(actions, id)), question, null, "", id);
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
        Optional<TipButtons.Alert> alert = TipButtons.parseAlert(data);
        if (alert.isPresent()) {
            alert(in, alert.get(), out);
            return;
        }
        Optional<TipButtons.Press> press = TipButtons.parse(data);
        press.ifPresent(p -> touched.put(p.questionId(), true));
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
            case TipButtons.NEXT -> out.replace(glanceReply(ranking, glanceOf(question, ranking), id));
            default -> out.send(glanceReply(ranking, glanceOf(question, ranking), id));
        }
    }

    /** 通知主管: the supervisors get the agent's question at once; the agent is told how many were reached. */
    private void alert(Incoming in, TipButtons.Alert alert, Responder out) {
        String question = Optional.ofNullable(asked.getIfPresent(alert.questionId()))
                .or(() -> questions.text(alert.questionId())).orElse("");
        int told = alerts.alert(in.user(), question, texts.get("safety.title." + alert.danger().key()));
        out.send(Reply.html(told > 0 ? texts.get("tip.alert.sent", told) : texts.get("tip.alert.none")));
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
        String normalized = new QueryNormalizer(src.knowledge().glossary()).question(q);
        List<Glance> out = new ArrayList<>();
        Optional<Danger> danger = safety.detect(normalized);
        if (danger.isPresent()) {
            String title = texts.get("safety.title." + danger.get().key());
            Optional<Section> section = SafetyTip.section(src.knowledge(), title);
            String html = safetyTip.glance(danger.get(), section);
            String first = Html.toPlain(html).lines().skip(1).findFirst().orElse(title);
            out.add(new Glance(section.map(TipButtons::key).orElse(danger.get().key()), title, first, html));
            return out;
        }
        Retrieval found = src.retriever().retrieve(q, max);
        if (found.coverage() != Coverage.COVERED || AskedNumber.unanswered(QuestionForm.ownPart(normalized),
                found.hits().stream().map(Hit::section).toList())) {
            return List.of();
        }
        for (Hit hit : found.hits().stream().filter(h -> dangerOf(h.section()).isEmpty()).toList()) {
            Section s = hit.section();
            String html = composer.glance(normalized, List.of(hit), found.sentences()).html();
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
        return new Declines(Texts.of("tips")).suggestedSectionIds();
    }

    /**
     * The glance of the first section of {@code ranking} for a button press: the question, when still known, is
     * judged again (from the retriever's cache) so sentences are chosen by meaning as in the first answer.
     */
    private String glanceOf(String question, List<Section> ranking) {
        KnowledgeState src = knowledge.get();
        String normalized = new QueryNormalizer(src.knowledge().glossary()).question(question);
        SentenceScores scores = question.isEmpty() ? SentenceScores.NONE
                : src.retriever().retrieve(question, RANKED).sentences();
        return composer.glance(normalized, List.of(new Hit(ranking.get(0), 0)), scores).html();
    }

    /** {@code ranking} with {@code shown} first. */
    private static List<Section> first(Section shown, List<Section> ranking) {
        List<Section> out = new ArrayList<>();
        out.add(shown);
        ranking.stream().filter(s -> !s.id().equals(shown.id())).forEach(out::add);
        return out;
    }

    private Reply glanceReply(List<Section> ranking, String text, long id) {
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


}
