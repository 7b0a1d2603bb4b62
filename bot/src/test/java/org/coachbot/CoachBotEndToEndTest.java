package org.coachbot;

import com.fasterxml.jackson.databind.JsonNode;
import org.coachbot.chat.CommandRouter;
import org.coachbot.config.AccessConfig;
import org.coachbot.config.BotConfig;
import org.coachbot.config.ConfigLoader;
import org.coachbot.config.DataConfig;
import org.coachbot.telegram.FakeBotApiServer;
import org.coachbot.telegram.TelegramFrontEnd;
import org.coachbot.telegram.TelegramSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole bot, with the real knowledge and embedding model, behind a fake Bot API server. */
class CoachBotEndToEndTest {
    private static final long ADMIN = 1;
    private static final long AGENT = 2;

    @TempDir
    static Path temp;
    private static FakeBotApiServer api;
    private static CoachBot coach;
    private static TelegramFrontEnd telegram;

    @BeforeAll
    static void start() throws Exception {
        Path knowledge = Files.createDirectories(temp.resolve("knowledge"));
        copyTree(Path.of("../knowledge"), knowledge);
        api = new FakeBotApiServer();
        BotConfig config = new ConfigLoader(Map.of("CONFIG_FILE", "../config/application.yaml",
                "BOT_TOKEN", FakeBotApiServer.TOKEN, "TELEGRAM_API_URL", api.baseUrl().toString(),
                "ADMIN_IDS", Long.toString(ADMIN), "KNOWLEDGE_DIR", knowledge.toString(),
                "DATA_DIR", temp.resolve("data").toString())).load();
        Files.createDirectories(config.get(DataConfig.DIR));
        coach = new CoachBot(config);
        CommandRouter router = coach.router();
        TelegramSettings settings = TelegramSettings.builder(FakeBotApiServer.TOKEN, api.baseUrl())
                .adminIds(config.get(AccessConfig.ADMIN_IDS))
                .allowedUserIds(config.get(AccessConfig.ALLOWED_USER_IDS)).rates(1000, 1000, 100)
                .handlerThreads(4).pollTimeoutSeconds(1).build();
        telegram = new TelegramFrontEnd(settings, router, config.get(DataConfig.DIR), router.menu());
        coach.port().connect(telegram.messenger(), telegram.notifier(), telegram.fileFetcher());
        coach.warmUp();
        telegram.start();
    }

    @AfterAll
    static void stop() {
        telegram.stop();
        coach.close();
        api.close();
    }

    @Test
    void should_greet_and_list_commands() throws Exception {
        api.text(AGENT, AGENT, "/start");
        String start = api.nextSent().text();
        api.text(AGENT, AGENT, "/help@CoachBot");
        String help = api.nextSent().text();

        assertTrue(start.contains("你好"), start);
        for (String command : new String[]{"/ask", "/roleplay", "/hint", "/end", "/progress"}) {
            assertTrue(help.contains(command), help);
        }
    }

    @Test
    void should_answer_a_silent_customer_question_in_simplified_and_traditional_chinese() throws Exception {
        api.text(AGENT, AGENT, "客户一直不说话,我该怎么办?");
        String simplified = api.nextSent().text();
        api.text(AGENT, AGENT, "客戶一直不說話怎麼辦");
        String traditional = api.nextSent().text();

        assertTrue(simplified.contains("来源:沉默型客户"), simplified);
        assertTrue(traditional.contains("来源:沉默型客户"), traditional);
    }

    @Test
    void should_answer_how_many_rings_with_the_phone_etiquette_section() throws Exception {
        api.text(AGENT, AGENT, "电话响几声要接");

        String answer = api.nextSent().text();
        assertTrue(answer.contains("来源:电话礼仪 › 铃响三声之内接起电话"), answer);
    }

    @Test
    void should_answer_with_a_glance_and_expand_it_in_place_when_the_agent_asks_for_more() throws Exception {
        // given
        api.text(AGENT, AGENT, "客户说系统有问题,其实是他自己操作错了");
        FakeBotApiServer.Call glance = api.nextSent();
        JsonNode keyboard = glance.body().path("reply_markup").path("inline_keyboard");

        // when
        api.button(AGENT, AGENT, keyboard.path(0).path(0).path("callback_data").asText());
        api.text(AGENT, AGENT, "电话响几声要接"); // answered after the press, in the chat's order
        api.nextSent();

        // then
        String text = glance.text();
        assertTrue(text.length() <= 400 && text.contains("可以这样说:"), text);
        assertTrue(text.contains("来源:服务用语:专业表达与负面语言 › 命令和指责换成专业表达"), text);
        assertEquals("展开", keyboard.path(0).path(0).path("text").asText());
        assertEquals("换一个", keyboard.path(0).path(1).path("text").asText());
        assertEquals("👍", keyboard.path(1).path(0).path("text").asText());
        assertEquals("👎", keyboard.path(1).path(1).path("text").asText());
        var edits = api.calls("editMessageText");
        assertEquals(1, edits.size(), "展开 edits the message instead of sending a new one");
        String full = edits.get(0).body().path("text").asText();
        assertTrue(full.contains("也许我说得不够清楚,请允许我再解释一遍。") && full.contains("【编者补充】"), full);
    }

    @Test
    void should_say_the_material_does_not_cover_a_customer_service_question_it_does_not_cover() throws Exception {
        api.text(AGENT, AGENT, "客户要求退款怎么走流程");

        assertTrue(api.nextSent().text().contains("培训资料里没有这方面的内容"));
    }

    @Test
    void should_decline_an_off_topic_question() throws Exception {
        api.text(AGENT, AGENT, "帮我写个Python脚本");

        assertTrue(api.nextSent().text().contains("不在我们的客服培训资料范围内"));
    }

    @Test
    void should_answer_from_a_file_an_admin_just_uploaded_and_refuse_a_non_admin() throws Exception {
        String file = """
                ---
                title: 退换货政策答疑
                tags: [退货, 换货, 七天无理由]
                source: admin upload
                ---
                # 退换货政策答疑

                ## 七天无理由退货怎么解释
                先确认商品签收日期,再说明七天无理由退货的条件:商品完好、配件齐全。
                """;
        api.document(AGENT, AGENT, "returns.md", file.getBytes(StandardCharsets.UTF_8));
        assertTrue(api.nextSent().text().contains("管理员"));

        api.document(ADMIN, ADMIN, "returns.md", file.getBytes(StandardCharsets.UTF_8));
        String applied = api.nextSent().text();
        api.text(AGENT, AGENT, "客户要七天无理由退货,签收日期怎么确认");
        String answer = api.nextSent().text();

        assertTrue(applied.contains("已更新「returns.md」"), applied);
        assertTrue(answer.contains("七天无理由退货怎么解释"), answer);
    }

    @Test
    void should_show_gaps_to_an_admin_refuse_them_to_an_agent_and_answer_a_stale_feedback_button() throws Exception {
        api.text(AGENT, AGENT, "/gaps");
        String refused = api.nextSent().text();
        api.text(ADMIN, ADMIN, "/gaps 7");
        String gaps = api.nextSent().text();
        api.button(AGENT, AGENT, "fb:-:999999");
        String stale = api.nextSent().text();

        assertTrue(refused.contains("只对管理员开放"), refused);
        assertTrue(gaps.contains("资料缺口"), gaps);
        assertTrue(stale.contains("找不到"), stale);
    }

    @Test
    void should_play_a_practice_call_to_the_customers_thanks_the_close_and_a_passing_scorecard_with_its_chart()
            throws Exception {
        long trainee = 3;
        api.text(trainee, trainee, "/roleplay hotel-no-hot-water");
        String intro = api.nextSent().text();
        List<String> answers = new ArrayList<>();
        for (String line : List.of("您好,这里是前台,我是小李。大半夜的没热水,真是太难受了,非常抱歉。",
                "请问您住几号房间?", "低区有热水正常的空房,我马上给您换过去,十分钟内把房卡送上去,行李员帮您搬东西。",
                "换好以后我再给您打个电话,确认热水没问题。", "不客气,还有什么需要随时打前台,祝您晚安。")) {
            api.text(trainee, trainee, line);
            answers.add(api.nextSent().text());
        }
        String card = api.nextSent().text();
        FakeBotApiServer.Call chart = api.nextSent();

        assertTrue(intro.contains("对练开始:酒店客人洗澡没有热水"), intro);
        assertTrue(answers.get(1).contains("1208"), "the customer answers the room number: " + answers);
        assertTrue(answers.stream().anyMatch(a -> a.contains("客户满意了")), answers.toString());
        assertTrue(answers.get(4).contains("对练成功"), answers.get(4));
        assertTrue(card.contains("✅ 通过"), card);
        assertTrue(card.contains("客户没说出口的"), card);
        assertEquals("sendPhoto", chart.method());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
