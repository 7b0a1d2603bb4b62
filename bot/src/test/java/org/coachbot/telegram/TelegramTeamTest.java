package org.coachbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coachbot.chat.CommandMenu;
import org.coachbot.chat.Button;
import org.coachbot.chat.ChatCore;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.InlineAnswer;
import org.coachbot.chat.InlineQuery;
import org.coachbot.chat.Reply;
import org.coachbot.chat.Responder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups, links into the private chat, files, inline queries and messages the bot starts, over the fake Bot API. */
class TelegramTeamTest {
    private static final long GROUP = -1001234;
    @TempDir
    Path data;
    private final LinkedBlockingQueue<Incoming> seen = new LinkedBlockingQueue<>();
    private FakeBotApiServer api;
    private TelegramFrontEnd bot;

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.stop();
        }
        if (api != null) {
            api.close();
        }
    }

    private void start(ChatCore core) throws Exception {
        api = new FakeBotApiServer();
        TelegramSettings settings = TelegramFrontEndTest.settings(api.baseUrl()).supervisorIds(Set.of(5L)).build();
        bot = new TelegramFrontEnd(settings, core, data, CommandMenu.everywhere(List.of(Map.entry("help", "帮助"))),
                new FakeTime());
        bot.start();
    }

    private Incoming next() throws InterruptedException {
        Incoming in = seen.poll(20, TimeUnit.SECONDS);
        assertNotNull(in, "no update reached the core within 20 s");
        return in;
    }

    @Test
    void a_group_message_says_whether_it_was_meant_for_the_bot_and_whom_it_replies_to() throws Exception {
        start((in, out) -> seen.add(in));

        api.groupText(7, GROUP, "今天好忙", 0);
        api.groupText(7, GROUP, "/ask@CoachBot 客户一直不说话", 0);
        api.groupText(7, GROUP, "/help@OtherBot", 0);
        api.groupText(7, GROUP, "@coachbot 客户一直不说话怎么办", 0);
        api.groupText(7, GROUP, "那怎么开口呢", FakeBotApiServer.BOT_ID);
        api.groupText(5, GROUP, "/assign", 8);

        Incoming chatter = next();
        Incoming command = next();
        Incoming other = next();
        Incoming mention = next();
        Incoming replyToBot = next();
        Incoming assign = next();
        assertTrue(chatter.inGroup());
        assertFalse(chatter.where().addressed());
        assertTrue(command.where().addressed());
        assertFalse(other.where().addressed(), "a command for another bot");
        assertTrue(mention.where().addressed());
        assertEquals("客户一直不说话怎么办", mention.text(), "the mention is taken out of the question");
        assertTrue(replyToBot.where().addressed());
        assertNull(replyToBot.where().repliedTo(), "the bot is nobody to assign to");
        assertEquals(8, assign.where().repliedTo().id());
        assertEquals("u8", assign.where().repliedTo().username());
        assertTrue(assign.user().supervisor(), "SUPERVISOR_IDS reach the core");
        assertFalse(command.user().supervisor());
    }

    @Test
    void a_private_chat_link_becomes_a_t_me_start_link_with_the_name_getme_gave() throws Exception {
        start((in, out) -> out.send(Reply.html("去私聊", List.of(List.of(
                Button.privateStart("开始", "rp_hotel-no-hot-water"), Button.url("资料", "https://example.com/a"),
                new Button("按钮", "tm:team:1"))))));
        api.groupText(7, GROUP, "/roleplay@CoachBot", 0);

        List<JsonNode> buttons = api.nextSent().buttons();

        assertEquals("https://t.me/CoachBot?start=rp_hotel-no-hot-water", buttons.get(0).path("url").asText());
        assertEquals("https://example.com/a", buttons.get(1).path("url").asText());
        assertEquals("tm:team:1", buttons.get(2).path("callback_data").asText());
    }

    @Test
    void a_web_app_button_opens_its_https_address_as_a_mini_app_in_the_private_chat() throws Exception {
        start((in, out) -> out.send(Reply.html("团队", List.of(List.of(
                Button.webApp("📊 团队看板", "https://coach.example.com/dashboard/"))))));
        api.text(5, 5, "/team");

        List<JsonNode> buttons = api.nextSent().buttons();

        assertEquals("https://coach.example.com/dashboard/", buttons.get(0).path("web_app").path("url").asText());
        assertEquals("📊 团队看板", buttons.get(0).path("text").asText());
    }

    @Test
    void each_supervisor_gets_the_dashboard_as_menu_button_even_when_telegram_does_not_know_one_of_them()
            throws Exception {
        start((in, out) -> { });
        api.script("setChatMenuButton", 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

        bot.offerWebApp(List.of(5L, 6L), "团队看板", "https://coach.example.com/dashboard/");

        List<FakeBotApiServer.Call> calls = api.calls("setChatMenuButton");
        assertEquals(2, calls.size());
        JsonNode menu = calls.get(1).body().path("menu_button");
        JsonNode button = menu.isTextual() ? new ObjectMapper().readTree(menu.asText()) : menu;
        assertEquals(6, calls.get(1).chatId());
        assertEquals("web_app", button.path("type").asText());
        assertEquals("团队看板", button.path("text").asText());
        assertEquals("https://coach.example.com/dashboard/", button.path("web_app").path("url").asText());
    }

    @Test
    void a_file_reply_is_sent_as_a_document_read_from_disk_with_its_name_and_caption() throws Exception {
        Path csv = Files.writeString(data.resolve("export.csv"), "\uFEFF学员,得分\r\n王小明,86\r\n",
                StandardCharsets.UTF_8);
        start((in, out) -> out.send(Reply.file(csv, "团队练习记录-20250301.csv", "📄 共 1 次练习")));
        api.text(5, 5, "/team export");

        FakeBotApiServer.Call sent = api.nextSent();

        assertEquals("sendDocument", sent.method());
        assertEquals(5, sent.chatId());
        assertEquals("团队练习记录-20250301.csv", sent.body().path("document_file_name").asText());
        assertEquals("📄 共 1 次练习", sent.body().path("caption").asText());
        assertEquals("\uFEFF学员,得分\r\n王小明,86\r\n", sent.body().path("document_text").asText());
    }

    @Test
    void an_inline_query_is_answered_with_articles_that_post_html() throws Exception {
        ChatCore core = new ChatCore() {
            @Override
            public void handle(Incoming incoming, Responder responder) {
            }

            @Override
            public List<InlineAnswer> inline(InlineQuery query) {
                return List.of(new InlineAnswer("a1", "沉默型客户", "先问开放式问题", "<b>沉默型客户</b>\n先问:" + query.query()));
            }
        };
        start(core);
        api.inlineQuery(7, "客户不说话");

        FakeBotApiServer.Call answer = api.nextInlineAnswer();

        JsonNode results = answer.body().path("results");
        JsonNode article = (results.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(results.asText()) : results).get(0);
        assertEquals("article", article.path("type").asText());
        assertEquals("沉默型客户", article.path("title").asText());
        assertEquals("先问开放式问题", article.path("description").asText());
        assertEquals("<b>沉默型客户</b>\n先问:客户不说话", article.path("input_message_content").path("message_text")
                .asText());
        assertEquals("HTML", article.path("input_message_content").path("parse_mode").asText());
        assertEquals(UpdateHandler.INLINE_CACHE_SECONDS, answer.body().path("cache_time").asInt());
    }

    @Test
    void a_message_the_bot_starts_goes_through_the_outbox_and_a_refused_one_does_not_hold_up_the_next()
            throws Exception {
        start((in, out) -> { });
        api.script("sendMessage", 403, "{\"ok\":false,\"error_code\":403,"
                + "\"description\":\"Forbidden: bot can't initiate conversation with a user\"}");

        bot.messenger().send(9, Reply.html("📋 新的练习作业"));
        bot.messenger().send(9, Reply.html("⏰ 每日练习提醒"));

        assertEquals("⏰ 每日练习提醒", api.nextSent().text());
        assertEquals(2, api.calls("sendMessage").size(), "the refused one is dropped, not resent");
    }

    @Test
    void a_link_into_the_private_chat_waiting_in_the_outbox_keeps_its_kind() throws Exception {
        start((in, out) -> { });

        bot.messenger().send(GROUP, Reply.html("@u8 有一个新的练习作业", List.of(List.of(
                Button.privateStart("💬 去私聊开始", "rp_hotel-no-hot-water")))));

        assertEquals("https://t.me/CoachBot?start=rp_hotel-no-hot-water",
                api.nextSent().buttons().get(0).path("url").asText());
    }
}
