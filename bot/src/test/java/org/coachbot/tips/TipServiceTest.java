package org.coachbot.tips;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.coachbot.chat.Button;
import org.coachbot.chat.Html;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.coachbot.chat.User;
import org.coachbot.insights.AnswerKind;
import org.coachbot.insights.AskedQuestion;
import org.coachbot.insights.QuestionLog;
import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.Section;
import org.coachbot.library.KnowledgeState;
import org.coachbot.llm.TimedChat;
import org.coachbot.retrieval.Hit;
import org.coachbot.retrieval.Retrieval;
import org.coachbot.retrieval.Retriever;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.safety.Danger;
import org.coachbot.safety.DangerCheck;
import org.coachbot.testing.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TipServiceTest {
    private static final Section ANGRY = section("complaint-handling.md", "客户投诉处理与情绪安抚", "安抚愤怒的客户", """
            相关原则:聆听客户倾诉;不争辩。

            愤怒的客户需要一个发泄的渠道。从来没有人在和客户的争辩中取胜。

            【编者补充】先让他把话说完,不打断、不辩解。等对方说完,诚恳道歉:"真的很抱歉给您带来这么大的麻烦。"\
            再转到解决上:"我现在就帮您处理,您看这样可以吗?"不要说"你冷静一点"。""");
    private static final Section WORDS = section("service-language.md", "服务用语", "命令和指责换成专业表达", """
            说话时不用命令和指责的口气,把习惯用语换成专业表达:
            - "你错了,不是那样的!" → "对不起我没说清楚,我的意思是……"
            - "听着,那没有坏。" → "那表明系统是正常的,我们一起来看看问题在哪儿。"
            - "你没有弄明白,这次听好了。" → "也许我说得不够清楚,请允许我再解释一遍。\"""");
    private static final Section SILENCE = section("silent-customer.md", "沉默型客户的应对", "沉默对沉默",
            "对待沉默型客户,不妨采用沉默对沉默的方式。");
    private static final KnowledgeBase KB = new KnowledgeBase(List.of(ANGRY, WORDS, SILENCE), List.of());
    private static final User AGENT = new User(42, "小李", false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<AskedQuestion> recorded = new ArrayList<>();
    private final QuestionLog log = new QuestionLog() {
        @Override
        public long record(AskedQuestion question) {
            recorded.add(question);
            return 100 + recorded.size();
        }

        @Override
        public void feedback(long questionId, long userId, boolean helpful, Instant at) {
        }
    };
    private FakeOpenAiServer server;

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private static Section section(String file, String topic, String title, String body) {
        return new Section(Section.idOf(file, title), file, topic, title, body, List.of(), "000.txt", 5);
    }

    private static Retriever covering(Section... sections) {
        return (query, max) -> Arrays.stream(sections).limit(max).map(s -> new Hit(s, 1.0)).toList();
    }

    private static Retriever uncovered(String gap, Section... nearest) {
        return new Retriever() {
            @Override
            public List<Hit> search(String query, int maxResults) {
                return List.of();
            }

            @Override
            public Retrieval retrieve(String query, int maxResults) {
                return Retrieval.uncovered(Arrays.stream(nearest).map(s -> new Hit(s, 0.6)).toList(), gap);
            }
        };
    }

    private static KnowledgeState state(KnowledgeBase kb, Retriever retriever, int version) {
        return new KnowledgeState(kb, retriever, ScenarioBook.empty(), version, Instant.EPOCH);
    }

    private TipService tips(Retriever retriever, QuestionLog questions) {
        return new TipService(() -> state(KB, retriever, 7), questions, Optional.empty(), Duration.ofSeconds(1), 300,
                CLOCK);
    }

    private TipService tips(Retriever retriever) {
        return tips(retriever, log);
    }

    private TipService withLlm(Duration timeout) throws Exception {
        server = new FakeOpenAiServer();
        var model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
                .timeout(Duration.ofSeconds(5)).maxRetries(0).build();
        return new TipService(() -> state(KB, covering(ANGRY, SILENCE), 7), log,
                Optional.of(new TimedChat(model, executor)), timeout, 300, CLOCK);
    }

    private static Reply ask(TipService tips, String question) {
        return tips.answer(Incoming.text(AGENT, 7, question), question);
    }

    private static String plain(Reply reply) {
        return Html.toPlain(reply.html());
    }

    private static Button button(Reply reply, String label) {
        return reply.buttons().stream().flatMap(List::stream).filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " button in " + reply.buttons()));
    }

    /** Keeps what was sent and what replaced the message the button was on. */
    private static class Screen implements Responder {
        final List<Reply> sent = new ArrayList<>();
        final List<Reply> replaced = new ArrayList<>();

        @Override
        public void send(Reply reply) {
            sent.add(reply);
        }

        @Override
        public void replace(Reply reply) {
            replaced.add(reply);
        }

        @Override
        public Status status(String html) {
            return update -> { };
        }
    }

    private static Screen press(TipService tips, Button button) {
        Screen screen = new Screen();
        tips.onButton(Incoming.button(AGENT, 7, button.data()), screen);
        return screen;
    }

    @Test
    void should_answer_with_the_technique_a_line_to_say_and_the_source_within_300_characters() {
        // when
        Reply reply = ask(tips(covering(ANGRY, WORDS)), "客户很生气一直骂人怎么办");

        // then
        String text = plain(reply);
        assertTrue(text.length() <= 300, text.length() + ": " + text);
        assertTrue(text.startsWith("安抚愤怒的客户\n"), text);
        assertTrue(text.contains("可以这样说:「真的很抱歉给您带来这么大的麻烦。」"), text);
        assertTrue(text.endsWith("来源:客户投诉处理与情绪安抚 › 安抚愤怒的客户"), text);
    }

    @Test
    void should_lead_a_situation_with_the_principles_its_section_applies_and_keep_the_line_to_say() {
        // given
        Section liar = section("complaint-handling.md", "客户投诉处理与情绪安抚", "客户说\"你们就是骗子\"", """
                相关原则:处变不惊;忍耐与宽容;先聆听客户倾诉,再抚慰情绪。

                从来没有人在和客户的争辩中取胜。

                【编者补充】先承认客户的感受,再问清他觉得被骗的是哪件事:"您说说是哪笔订单,我帮您逐条查清楚。\"""");

        // when
        String how = plain(ask(tips(covering(liar)), "客户骂我们是骗子怎么办"));
        String what = plain(ask(tips(covering(liar)), "客户说骗子是什么意思"));
        String say = plain(ask(tips(covering(liar)), "客户骂我们是骗子 我该怎么回答"));

        // then
        assertTrue(how.startsWith("客户说\"你们就是骗子\"\n相关原则:处变不惊;忍耐与宽容;先聆听客户倾诉,再抚慰情绪\n"), how);
        assertTrue(how.contains("可以这样说:「您说说是哪笔订单,我帮您逐条查清楚。」"), how);
        assertFalse(what.contains("相关原则"), "a question about what something is gets no principles: " + what);
        assertTrue(say.startsWith("客户说\"你们就是骗子\"\n相关原则:处变不惊;忍耐与宽容;先聆听客户倾诉,再抚慰情绪\n可以这样说:"),
                say);
    }

    @Test
    void should_mark_what_the_editors_wrote_beyond_the_seeds() {
        // when
        String text = plain(ask(tips(covering(ANGRY)), "客户骂人"));

        // then: the seed sentence is unmarked, the editors' instruction and line are marked
        assertTrue(text.contains("愤怒的客户需要一个发泄的渠道。"), text);
        assertTrue(text.contains("先让他把话说完,不打断、不辩解。〔编者补充〕"), text);
        assertTrue(text.contains("」〔编者补充〕"), text);
    }

    @Test
    void should_pick_the_line_that_fits_the_question_and_never_one_the_section_warns_against() {
        // when
        String system = plain(ask(tips(covering(WORDS)), "客户说系统坏了其实是他自己弄错"));
        String again = plain(ask(tips(covering(WORDS)), "同一件事客户听不懂要解释好几遍"));

        // then
        assertTrue(system.contains("「那表明系统是正常的,我们一起来看看问题在哪儿。」"), system);
        assertTrue(again.contains("「也许我说得不够清楚,请允许我再解释一遍。」"), again);
        assertFalse(system.contains("「你错了"), system);
        assertFalse(plain(ask(tips(covering(ANGRY)), "客户发火")).contains("你冷静一点"));
    }

    @Test
    void should_show_the_whole_section_in_place_of_the_glance_when_expand_is_pressed() {
        // given
        TipService tips = tips(covering(ANGRY, WORDS, SILENCE));
        Reply glance = ask(tips, "客户骂人");

        // when
        Screen screen = press(tips, button(glance, "展开"));

        // then
        assertTrue(screen.sent.isEmpty());
        String full = plain(screen.replaced.get(0));
        assertTrue(full.contains("从来没有人在和客户的争辩中取胜。"), full);
        assertTrue(full.contains("【编者补充】先让他把话说完"), full);
        assertEquals(List.of("换一个"), screen.replaced.get(0).buttons().get(0).stream().map(Button::label).toList());
        assertEquals(List.of("👍", "👎"), screen.replaced.get(0).buttons().get(1).stream().map(Button::label).toList());
    }

    @Test
    void should_show_the_next_best_section_in_place_of_the_glance_when_another_is_asked_for() {
        // given
        TipService tips = tips(covering(ANGRY, WORDS, SILENCE));
        Reply glance = ask(tips, "客户骂人");

        // when
        Screen first = press(tips, button(glance, "换一个"));
        Screen second = press(tips, button(first.replaced.get(0), "换一个"));

        // then
        assertTrue(plain(first.replaced.get(0)).startsWith("命令和指责换成专业表达"));
        assertTrue(plain(second.replaced.get(0)).startsWith("沉默对沉默"));
        assertTrue(second.replaced.get(0).buttons().get(0).stream().noneMatch(b -> b.label().equals("换一个")),
                "the last section offers no further one");
    }

    @Test
    void should_record_every_question_with_what_was_shown_and_the_knowledge_version() {
        // given
        TipService covered = tips(covering(ANGRY, WORDS));

        // when
        Reply tip = ask(covered, "客户骂人");
        ask(tips((q, max) -> List.of()), "今天天气怎么样");
        ask(tips(uncovered("退款的流程", WORDS)), "客户要退款怎么走流程");

        // then
        assertEquals(List.of(AnswerKind.TIP, AnswerKind.OFF_TOPIC, AnswerKind.UNCOVERED),
                recorded.stream().map(AskedQuestion::answer).toList());
        assertEquals(List.of(ANGRY.id()), recorded.get(0).sectionIds());
        assertEquals(List.of(), recorded.get(2).sectionIds());
        assertEquals(42, recorded.get(0).userId());
        assertEquals(7, recorded.get(0).chatId());
        assertEquals(7, recorded.get(0).knowledgeVersion());
        assertEquals(CLOCK.instant(), recorded.get(0).at());
        assertEquals("fb:+:101", button(tip, "👍").data());
        assertEquals("fb:-:101", button(tip, "👎").data());
    }

    @Test
    void should_decline_a_question_the_material_does_not_cover_and_offer_the_nearest_topics() {
        // when
        Reply reply = ask(tips(uncovered("退款、退货的流程和规定", WORDS, SILENCE)), "客户要退款怎么走流程");

        // then
        String text = plain(reply);
        assertTrue(text.startsWith("培训资料里没有这方面的内容"), text);
        assertTrue(text.contains("退款、退货的流程和规定"), text);
        assertFalse(text.contains("那表明系统是正常的"), "no section is presented as the answer: " + text);
        assertEquals(List.of("命令和指责换成专业表达", "沉默对沉默"),
                reply.buttons().get(0).stream().map(Button::label).toList());
    }

    @Test
    void should_send_the_glance_of_an_offered_topic_as_a_new_message() {
        // given
        TipService tips = tips(uncovered("退款的流程", WORDS));
        Reply declined = ask(tips, "客户要退款");

        // when
        Screen screen = press(tips, declined.buttons().get(0).get(0));

        // then
        assertTrue(screen.replaced.isEmpty());
        assertTrue(plain(screen.sent.get(0)).startsWith("命令和指责换成专业表达"));
    }

    @Test
    void should_decline_a_question_outside_the_material_with_suggestions() {
        // when
        Reply reply = ask(tips((q, max) -> List.of()), "今天天气怎么样");

        // then
        assertTrue(reply.html().contains("不在我们的客服培训资料范围内"), reply.html());
        assertTrue(reply.html().contains("客户一直不说话怎么办"));
    }

    @Test
    void should_still_answer_without_feedback_buttons_when_the_question_log_fails() {
        // given
        QuestionLog broken = new QuestionLog() {
            @Override
            public long record(AskedQuestion question) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void feedback(long questionId, long userId, boolean helpful, Instant at) {
            }
        };

        // when
        Reply reply = ask(tips(covering(ANGRY, WORDS), broken), "客户骂人");

        // then
        assertTrue(plain(reply).startsWith("安抚愤怒的客户"));
        assertEquals(1, reply.buttons().size(), "only 展开 / 换一个");
    }

    @Test
    void should_say_a_section_is_gone_when_the_knowledge_changed_since_the_button_was_sent() {
        // given
        TipService before = tips(covering(ANGRY, WORDS));
        Button expand = button(ask(before, "客户骂人"), "展开");
        TipService after = new TipService(() -> state(new KnowledgeBase(List.of(SILENCE), List.of()),
                covering(SILENCE), 8), log, Optional.empty(), Duration.ofSeconds(1), 300, CLOCK);

        // when
        Screen screen = press(after, expand);

        // then
        assertTrue(plain(screen.sent.get(0)).contains("已经不在知识库里"));
    }

    @Test
    void should_say_the_knowledge_base_is_empty_instead_of_failing() {
        // given
        Retriever failing = (q, max) -> {
            throw new AssertionError("an empty knowledge base is not searched");
        };
        TipService tips = new TipService(() -> state(new KnowledgeBase(List.of(), List.of()), failing, 1), log,
                Optional.empty(), Duration.ofSeconds(1), 300, CLOCK);

        // then
        assertTrue(ask(tips, "客户不说话").html().contains("知识库是空的"));
    }

    @Test
    void should_escape_markup_from_the_knowledge() {
        // given
        Section markup = section("a.md", "T", "用<b>标签</b>", "先说清楚 A & B <script>。");

        // when
        Reply reply = new TipService(() -> state(new KnowledgeBase(List.of(markup), List.of()),
                covering(markup), 1), log, Optional.empty(), Duration.ofSeconds(1), 300, CLOCK)
                .answer(Incoming.text(AGENT, 7, "标签"), "标签");

        // then
        assertTrue(reply.html().contains("A &amp; B &lt;script&gt;"), reply.html());
        assertTrue(reply.html().contains("用&lt;b&gt;标签&lt;/b&gt;"), reply.html());
    }

    /** A chat screen that also keeps what replaced a message sent to be replaced later. */
    private static final class Chat extends Screen {
        final List<Reply> reworded = new ArrayList<>();

        @Override
        public Sent sendReplaceable(Reply reply) {
            send(reply);
            return reworded::add;
        }
    }

    @Test
    void should_send_the_knowledge_glance_at_once_and_put_the_models_wording_in_its_place_when_it_arrives()
            throws Exception {
        // given: a model that answers only when told to
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.holdAnswers().replyWith("先让客户说完,再道歉。\n可以这样说:「真的很抱歉,我马上帮您处理。」");
        Chat chat = new Chat();

        // when
        var rewording = tips.answer(Incoming.text(AGENT, 7, "客户骂人怎么办"), "客户骂人怎么办", chat);

        // then: the glance from the knowledge is out while the model has not answered
        assertEquals(1, chat.sent.size());
        assertTrue(plain(chat.sent.get(0)).contains("可以这样说:「真的很抱歉给您带来这么大的麻烦。」"));
        assertTrue(chat.reworded.isEmpty());

        // when the model answers
        server.releaseHeld();
        rewording.get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then its wording replaces the message, with the same title, principles, source and buttons
        String text = plain(chat.reworded.get(0));
        assertTrue(text.startsWith("安抚愤怒的客户\n相关原则:聆听客户倾诉;不争辩\n先让客户说完,再道歉。"), text);
        assertTrue(text.contains("来源:客户投诉处理与情绪安抚 › 安抚愤怒的客户〔资料含编者补充〕"), text);
        assertTrue(text.length() <= 300, text);
        assertEquals(chat.sent.get(0).buttons(), chat.reworded.get(0).buttons());
        String prompt = server.lastPrompt();
        assertTrue(prompt.contains(ANGRY.body()), prompt);
        assertFalse(prompt.contains(SILENCE.body()), "only the section shown goes into the prompt");
        assertTrue(prompt.contains("客户骂人怎么办"), prompt);
        assertTrue(prompt.contains("真的很抱歉给您带来这么大的麻烦"), "the chosen sentences go into the prompt");
    }

    @Test
    void should_keep_the_knowledge_glance_when_the_model_is_slower_than_the_budget() throws Exception {
        // given
        TipService tips = withLlm(Duration.ofMillis(200));
        server.hang();
        Chat chat = new Chat();

        // when
        tips.answer(Incoming.text(AGENT, 7, "客户骂人怎么办"), "客户骂人怎么办", chat)
                .get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then
        assertTrue(plain(chat.sent.get(0)).startsWith("安抚愤怒的客户"));
        assertTrue(chat.reworded.isEmpty());
    }

    @Test
    void should_keep_the_knowledge_glance_when_the_model_fails() throws Exception {
        // given
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.failWith(500);
        Chat chat = new Chat();

        // when
        tips.answer(Incoming.text(AGENT, 7, "客户骂人怎么办"), "客户骂人怎么办", chat)
                .get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then
        assertFalse(server.requests().isEmpty());
        assertTrue(plain(chat.sent.get(0)).contains("可以这样说:「真的很抱歉给您带来这么大的麻烦。」"));
        assertTrue(chat.reworded.isEmpty());
    }

    @Test
    void should_keep_the_knowledge_glance_when_the_model_writes_more_than_fits() throws Exception {
        // given
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.replyWith("先让客户说完。".repeat(60));
        Chat chat = new Chat();

        // when
        tips.answer(Incoming.text(AGENT, 7, "客户骂人怎么办"), "客户骂人怎么办", chat)
                .get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then
        assertTrue(chat.reworded.isEmpty());
    }

    @Test
    void should_not_replace_a_glance_the_agent_already_expanded() throws Exception {
        // given
        TipService tips = withLlm(Duration.ofSeconds(5));
        server.holdAnswers().replyWith("先让客户说完。\n可以这样说:「我在听。」");
        Chat chat = new Chat();
        var rewording = tips.answer(Incoming.text(AGENT, 7, "客户骂人怎么办"), "客户骂人怎么办", chat);

        // when the agent presses 展开 before the model answers
        press(tips, button(chat.sent.get(0), "展开"));
        server.releaseHeld();
        rewording.get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then
        assertTrue(chat.reworded.isEmpty());
    }

    private static final Section SELF_HARM_STEPS = section("safety-calls.md", "通话中的危险情况",
            "来电者流露轻生、自伤的念头", """
            【编者补充】先按顺序做:①不挂断,让他说下去,认真听,②问清他现在在哪里、身边有没有人,③马上示意主管,\
            启动公司的紧急流程,④有危险立即打110或120,并告诉他可以拨打12356心理援助热线。

            【编者补充】可以这样说:"谢谢您愿意告诉我,我在听。您现在在哪里?身边有人陪着您吗?"

            【编者补充】不要争辩、说教、讲道理。""");

    /** Recognises a danger in every question, as the detector would for a caller who says 不想活了. */
    private static DangerCheck always(Danger danger) {
        return new DangerCheck() {
            @Override
            public Optional<Danger> detect(String q) {
                return Optional.of(danger);
            }

            @Override
            public Optional<Danger> plausible(String q) {
                return Optional.of(danger);
            }
        };
    }

    private TipService inDanger(KnowledgeBase kb, SupervisorAlert alerts) {
        Retriever unused = (q, max) -> {
            throw new AssertionError("a caller in danger gets the steps before any retrieval");
        };
        return new TipService(() -> state(kb, unused, 3), log, Optional.empty(), Duration.ofSeconds(1), 300, CLOCK,
                always(Danger.SELF_HARM), alerts);
    }

    @Test
    void should_give_a_caller_in_dangers_steps_in_the_first_message_before_any_retrieval() {
        // given
        KnowledgeBase kb = new KnowledgeBase(List.of(ANGRY, SELF_HARM_STEPS), List.of());

        // when
        Reply reply = ask(inDanger(kb, SupervisorAlert.NONE), "客户说他不想活了");

        // then
        String text = plain(reply);
        assertTrue(text.length() <= 300, text.length() + ": " + text);
        assertTrue(text.contains("①不挂断"), text);
        assertTrue(text.contains("12356"), text);
        assertTrue(text.contains("可以这样说:「谢谢您愿意告诉我,我在听。"), text);
        assertEquals(AnswerKind.SAFETY, recorded.get(0).answer());
        assertEquals(List.of(SELF_HARM_STEPS.id()), recorded.get(0).sectionIds());
        assertTrue(reply.buttons().get(0).stream().noneMatch(b -> b.label().equals("换一个")));
    }

    /** Judges every question plausible as {@code danger}, never recognised outright. */
    private static DangerCheck plausibleOnly(Danger danger) {
        return new DangerCheck() {
            @Override
            public Optional<Danger> detect(String q) {
                return Optional.empty();
            }

            @Override
            public Optional<Danger> plausible(String q) {
                return Optional.of(danger);
            }
        };
    }

    private TipService plausibleOnly() {
        KnowledgeBase kb = new KnowledgeBase(List.of(ANGRY, SELF_HARM_STEPS), List.of());
        return new TipService(() -> state(kb, covering(ANGRY, SELF_HARM_STEPS), 3), log, Optional.empty(),
                Duration.ofSeconds(1), 300, CLOCK, plausibleOnly(Danger.SELF_HARM), SupervisorAlert.NONE);
    }

    @Test
    void should_give_the_closer_ordinary_tip_when_a_danger_is_only_plausible() {
        // when
        Reply reply = ask(plausibleOnly(), "客户一直在哭");

        // then
        assertFalse(plain(reply).contains("①不挂断"), plain(reply));
        assertEquals(AnswerKind.TIP, recorded.get(0).answer());
    }

    @Test
    void should_give_the_steps_from_the_bots_own_texts_when_the_knowledge_lost_its_safety_section() {
        // when
        String text = plain(ask(inDanger(KB, SupervisorAlert.NONE), "客户说他不想活了"));

        // then
        assertTrue(text.contains("12356") && text.contains("110"), text);
    }

    @Test
    void should_offer_to_alert_the_supervisors_and_tell_the_agent_how_many_were_reached() {
        // given
        List<String> alerted = new ArrayList<>();
        SupervisorAlert alerts = (agent, question, danger) -> {
            alerted.add(agent.name() + "|" + question + "|" + danger);
            return 2;
        };
        TipService tips = inDanger(new KnowledgeBase(List.of(SELF_HARM_STEPS), List.of()), alerts);
        Reply reply = ask(tips, "客户说他不想活了");

        // when
        Screen screen = press(tips, button(reply, "🚨 通知主管"));

        // then
        assertEquals(List.of("小李|客户说他不想活了|来电者流露轻生、自伤的念头"), alerted);
        assertTrue(plain(screen.sent.get(0)).contains("已通知 2 位主管"), plain(screen.sent.get(0)));
    }

    @Test
    void should_never_reword_a_safety_tip_with_the_model() throws Exception {
        // given
        server = new FakeOpenAiServer();
        server.replyWith("别担心,没事的。");
        var model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
                .timeout(Duration.ofSeconds(5)).maxRetries(0).build();
        TipService tips = new TipService(() -> state(new KnowledgeBase(List.of(SELF_HARM_STEPS), List.of()),
                covering(SELF_HARM_STEPS), 3), log, Optional.of(new TimedChat(model, executor)),
                Duration.ofSeconds(5), 300, CLOCK, always(Danger.SELF_HARM), SupervisorAlert.NONE);
        Chat chat = new Chat();

        // when
        tips.answer(Incoming.text(AGENT, 7, "客户说他不想活了"), "客户说他不想活了", chat)
                .get(5, java.util.concurrent.TimeUnit.SECONDS);

        // then
        assertTrue(plain(chat.sent.get(0)).contains("12356"));
        assertTrue(chat.reworded.isEmpty());
        assertTrue(server.requests().isEmpty(), "the model is not even asked");
    }

    @Test
    void should_put_the_safety_steps_first_in_inline_mode() {
        // when
        List<TipService.Glance> glances = inDanger(new KnowledgeBase(List.of(SELF_HARM_STEPS), List.of()),
                SupervisorAlert.NONE).glances("客户说他不想活了", 3);

        // then
        assertEquals(1, glances.size());
        assertTrue(Html.toPlain(glances.get(0).html()).contains("12356"));
    }
}
