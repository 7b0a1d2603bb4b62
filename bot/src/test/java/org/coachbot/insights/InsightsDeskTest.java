package org.coachbot.insights;

import org.coachbot.chat.Access;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /gaps}, {@code /stats} and the feedback buttons through the chat core, with a clock set by hand. */
class InsightsDeskTest {
    /** Noon in Shanghai on 2026-11-30. */
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(NOW);
    private final TopicEmbeddingModel model = new TopicEmbeddingModel(Map.of("微信", 0, "挂", 1, "领导", 2,
            "充值", 3));
    private final User admin = new User(1, "trainer", true);
    private final User agent = new User(7, "agent", false);
    private final RecordingResponder out = new RecordingResponder();
    private SqliteQuestionLog log;
    private CommandRouter router;

    @BeforeEach
    void open() {
        log = SqliteQuestionLog.open(dir, SqliteQuestionLog.DEFAULT_RETENTION, clock);
        router = router(null);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private CommandRouter router(Function<Usage, byte[]> chart) {
        InsightsDesk desk = new InsightsDesk(log, model, new MeaningGroups(0.8), clock, SHANGHAI, chart);
        return new CommandRouter(List.of(Feature.named("tips").plainText((in, r) -> r.send(Reply.html("tip")))
                .documents(Access.EVERYONE, (in, r) -> r.send(Reply.html("doc"))).build(), InsightsFeature.of(desk)));
    }

    private long ask(String text, AnswerKind kind, Duration ago, String... sections) {
        return log.record(new AskedQuestion(agent.id(), agent.id(), text, kind, List.of(sections), 4,
                NOW.minus(ago)));
    }

    private String send(User user, String text) {
        out.clear();
        router.handle(Incoming.text(user, user.id(), text), out);
        return out.text();
    }

    private String press(User user, String data) {
        out.clear();
        router.handle(Incoming.button(user, user.id(), data), out);
        return out.text();
    }

    @Test
    void should_group_uncovered_questions_by_meaning_biggest_group_first_with_count_and_example() {
        // given
        ask("客户要加我微信怎么办", AnswerKind.UNCOVERED, Duration.ofDays(3));
        ask("客户要加我微信怎么办", AnswerKind.UNCOVERED, Duration.ofDays(2));
        ask("客户非要加微信", AnswerKind.UNCOVERED, Duration.ofDays(1));
        ask("能不能直接挂电话", AnswerKind.UNCOVERED, Duration.ofDays(2));
        ask("骂人的客户可以挂吗", AnswerKind.UNCOVERED, Duration.ofHours(5));

        // when
        String report = send(admin, "/gaps");

        // then
        assertTrue(report.contains("资料里没有的问题</b>:5 个,2 组"), report);
        assertTrue(report.contains("1. 「客户要加我微信怎么办」 ×3"), report);
        assertTrue(report.contains("2. 「"), report);
        assertTrue(report.contains(" ×2"), report);
        assertTrue(report.indexOf("微信") < report.indexOf("挂"), "the biggest group comes first: " + report);
    }

    @Test
    void should_name_the_section_a_thumbs_down_tip_led_with() {
        // given
        long a = ask("客户说要投诉我到领导那", AnswerKind.TIP, Duration.ofDays(1), "sales-service#售后服务话术", "x#y");
        long b = ask("客户要找我领导", AnswerKind.TIP, Duration.ofDays(2), "sales-service#售后服务话术");
        long liked = ask("客户一直不说话", AnswerKind.TIP, Duration.ofDays(2), "silent-customer#诱导法");
        log.feedback(a, agent.id(), false, NOW);
        log.feedback(b, agent.id(), false, NOW);
        log.feedback(liked, agent.id(), true, NOW);

        // when
        String report = send(admin, "/gaps");

        // then
        assertTrue(report.contains("点了 👎 的建议</b>:2 个,1 组"), report);
        assertTrue(report.contains("当时给出:「售后服务话术」(sales-service)"), report);
        assertFalse(report.contains("不说话"), "a tip with a 👍 is no gap: " + report);
    }

    @Test
    void should_list_off_topic_questions_only_when_the_same_was_asked_more_than_once() {
        // given
        ask("电话费怎么充值", AnswerKind.OFF_TOPIC, Duration.ofDays(1));
        ask("话费充值在哪里", AnswerKind.OFF_TOPIC, Duration.ofDays(2));
        ask("今天天气怎么样", AnswerKind.OFF_TOPIC, Duration.ofDays(1));

        // when
        String report = send(admin, "/gaps");

        // then
        assertTrue(report.contains("不止一次被问到的</b>:2 个,1 组"), report);
        assertFalse(report.contains("天气"), report);
    }

    @Test
    void should_only_report_questions_since_the_date_given() {
        // given
        ask("客户要加我微信", AnswerKind.UNCOVERED, Duration.ofDays(20));
        ask("能不能直接挂电话", AnswerKind.UNCOVERED, Duration.ofDays(2));

        // when
        String report = send(admin, "/gaps 2026-11-25");

        // then
        assertTrue(report.contains("2026-11-25 至 2026-11-30"), report);
        assertTrue(report.contains("挂电话"), report);
        assertFalse(report.contains("微信"), report);
    }

    @Test
    void should_embed_each_question_only_once_across_reports() {
        // given
        ask("客户要加我微信", AnswerKind.UNCOVERED, Duration.ofDays(2));
        ask("客户要加我微信", AnswerKind.UNCOVERED, Duration.ofDays(1));
        ask("能不能直接挂电话", AnswerKind.UNCOVERED, Duration.ofDays(1));
        send(admin, "/gaps");
        int first = model.embedded.size();

        // when
        String again = send(admin, "/gaps");

        // then
        assertEquals(2, first, "one text per wording: " + model.embedded);
        assertEquals(first, model.embedded.size());
        assertTrue(again.contains("×2"), again);
    }

    @Test
    void should_show_progress_while_many_questions_are_embedded() {
        // given
        for (int i = 0; i < InsightsDesk.PROGRESS_FROM; i++) {
            ask("客户要加我微信 第" + i + "次", AnswerKind.UNCOVERED, Duration.ofMinutes(i + 1));
        }

        // when
        String report = send(admin, "/gaps");

        // then: the status line is edited once more when done, not after every batch, as the clock stands still
        int n = InsightsDesk.PROGRESS_FROM;
        assertEquals("正在按意思归类问题:0/" + n + "…", out.replies.get(0).html());
        assertEquals("正在按意思归类问题:" + n + "/" + n + "…", out.replies.get(1).html());
        assertEquals(3, out.replies.size(), report);
        assertTrue(out.last().html().contains("×" + n), out.last().html());
    }

    @Test
    void should_mask_phone_and_order_numbers_and_shorten_long_examples() {
        ask("客户13812345678要加我微信,订单号2026113000123456,他说已经等了很久很久很久很久很久很久了怎么办", AnswerKind.UNCOVERED,
                Duration.ofDays(1));

        String report = send(admin, "/gaps");

        assertTrue(report.contains("客户138****要加我微信"), report);
        assertFalse(report.contains("12345678"), report);
        assertTrue(report.contains("…」 ×1"), report);
    }

    @Test
    void should_say_so_when_nothing_was_missed() {
        ask("客户一直不说话", AnswerKind.TIP, Duration.ofDays(1), "silent-customer#诱导法");

        assertTrue(send(admin, "/gaps").contains("没有资料答不上的问题"));
    }

    @Test
    void should_report_questions_declined_rates_verdicts_sections_and_a_chart_of_questions_per_day() throws Exception {
        // given
        long a = ask("客户一直不说话", AnswerKind.TIP, Duration.ofDays(1), "silent-customer#诱导法");
        long b = ask("客户沉默不语", AnswerKind.TIP, Duration.ofDays(2), "silent-customer#诱导法", "x#y");
        ask("客户要加我微信", AnswerKind.UNCOVERED, Duration.ofDays(2));
        ask("今天天气", AnswerKind.OFF_TOPIC, Duration.ofHours(1));
        ask("上个月的问题", AnswerKind.TIP, Duration.ofDays(40), "old#old");
        log.feedback(a, agent.id(), true, NOW);
        log.feedback(b, agent.id(), false, NOW);

        // when
        send(admin, "/stats");

        // then
        String text = out.replies.get(0).html();
        assertTrue(text.contains("2026-11-24 至 2026-11-30(7 天)"), text);
        assertTrue(text.contains("提问 4 个,来自 1 人"), text);
        assertTrue(text.contains("给出建议 2 · 资料未覆盖 1(25.0%)· 判为无关 1(25.0%)· 婉拒合计 50.0%"), text);
        assertTrue(text.contains("👍 1 · 👎 1(👎 占 50.0%);2/2 条建议有反馈"), text);
        assertTrue(text.contains("1. 「诱导法」(silent-customer) ×2"), text);
        assertTrue(text.contains("2026-11-28:2(1)"), text);
        assertTrue(text.contains("没有完成的对练"), text);
        assertEquals(1, out.images().size());
        assertEquals(UsageChart.WIDTH, ImageIO.read(new ByteArrayInputStream(out.images().get(0).png())).getWidth());
    }

    @Test
    void should_read_a_period_of_days_or_dates_and_explain_a_bad_one() {
        ask("客户一直不说话", AnswerKind.TIP, Duration.ofDays(20), "silent-customer#诱导法");

        assertTrue(send(admin, "/stats 30").contains("提问 1 个"));
        assertTrue(send(admin, "/stats 2026-11-01 2026-11-05").contains("没有人提问"));
        String bad = send(admin, "/stats 11月1日");
        assertTrue(bad.contains("看不懂日期「11月1日」"), bad);
        assertTrue(bad.contains("/stats 2026-11-01 2026-11-30"), bad);
        assertTrue(out.images().isEmpty());
    }

    @Test
    void should_still_send_the_figures_when_the_chart_cannot_be_rendered() {
        // given
        router = router(u -> {
            throw new java.awt.AWTError("no fonts on this machine");
        });
        ask("客户一直不说话", AnswerKind.TIP, Duration.ofDays(1), "silent-customer#诱导法");

        // when
        String text = send(admin, "/stats");

        // then
        assertTrue(text.contains("提问 1 个"), text);
        assertTrue(out.images().isEmpty());
        assertEquals(1, out.replies.size());
    }

    @Test
    void should_refuse_gaps_and_stats_to_agents_without_showing_any_question() {
        ask("客户要加我微信", AnswerKind.UNCOVERED, Duration.ofDays(1));

        String gaps = send(agent, "/gaps");
        String stats = send(agent, "/stats 7");

        assertTrue(gaps.contains("/gaps 只对管理员开放"), gaps);
        assertTrue(stats.contains("/stats 只对管理员开放"), stats);
        assertFalse(gaps.contains("微信"), gaps);
        assertTrue(out.images().isEmpty());
    }

    @Test
    void should_list_gaps_and_stats_in_help_for_admins_only() {
        assertTrue(send(admin, "/help").contains("/gaps"));
        assertTrue(send(admin, "/help").contains("/stats"));
        assertFalse(send(agent, "/help").contains("/gaps"));
        assertFalse(send(agent, "/help").contains("/stats"));
    }

    @Test
    void should_store_a_tap_on_the_feedback_buttons_and_let_a_second_tap_replace_the_first() {
        // given
        long id = ask("客户一直不说话", AnswerKind.TIP, Duration.ofMinutes(1), "silent-customer#诱导法");
        String up = FeedbackButtons.row(id).get(0).data();
        String down = FeedbackButtons.row(id).get(1).data();

        // when
        String thanks = press(agent, up);
        clock.advance(Duration.ofSeconds(3));
        String noted = press(agent, down);

        // then
        assertTrue(thanks.contains("谢谢反馈"), thanks);
        assertTrue(noted.contains("换一个"), noted);
        LoggedQuestion q = log.find(id).orElseThrow();
        assertEquals(0, q.helpful());
        assertEquals(1, q.unhelpful());
    }

    @Test
    void should_answer_a_stale_or_unreadable_feedback_button_clearly() {
        assertTrue(press(agent, "fb:+:987654").contains("找不到"));
        assertTrue(press(agent, FeedbackButtons.row(QuestionLog.NOT_RECORDED).get(0).data()).contains("找不到"));
        assertTrue(press(agent, "fb:?:12").contains("无法识别"));
        assertTrue(press(agent, "fb:+:abc").contains("无法识别"));
    }
}
