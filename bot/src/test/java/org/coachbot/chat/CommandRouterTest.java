package org.coachbot.chat;

import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandRouterTest {
    private final User agent = new User(7, "agent", false);
    private final User admin = new User(1, "admin", true);
    private final List<String> tips = new ArrayList<>();
    private final RecordingResponder out = new RecordingResponder();
    private final CommandRouter router = new CommandRouter(List.of(
            Feature.named("tips")
                    .command("ask", Access.EVERYONE, (in, arg, r) -> tips.add(arg))
                    .plainText((in, r) -> {
                        tips.add(in.text());
                        r.send(Reply.html("tip"));
                    }).build(),
            Feature.named("admin")
                    .command("kb", Access.ADMIN, (in, arg, r) -> r.send(Reply.html("kb")))
                    .documents(Access.ADMIN, (in, r) -> r.send(Reply.html("document"))).build()));

    @Test
    void should_send_plain_text_to_the_tip_answerer() {
        router.handle(Incoming.text(agent, 7, "客户一直不说话怎么办"), out);

        assertEquals(List.of("客户一直不说话怎么办"), tips);
    }

    @Test
    void should_accept_commands_with_a_bot_name_suffix() {
        router.handle(Incoming.text(agent, -100, "/ask@CoachBot 电话响几声要接"), out);

        assertEquals(List.of("电话响几声要接"), tips);
    }

    @Test
    void should_point_to_help_for_an_unknown_command() {
        router.handle(Incoming.text(agent, 7, "/foo<b>"), out);

        assertTrue(last().contains("/help"));
        assertTrue(last().contains("&lt;b&gt;"), "the unknown command is escaped: " + last());
    }

    @Test
    void should_answer_stickers_and_photos_with_a_notice() {
        router.handle(Incoming.unsupported(agent, 7), out);

        assertTrue(last().contains("文字"));
    }

    @Test
    void should_hide_admin_commands_from_other_users_help() {
        router.handle(Incoming.text(agent, 7, "/help"), out);
        String forAgent = last();
        router.handle(Incoming.text(admin, 1, "/help"), out);
        String forAdmin = last();

        assertTrue(forAgent.contains("/ask"));
        assertFalse(forAgent.contains("/kb"));
        assertTrue(forAdmin.contains("/kb"));
    }

    @Test
    void should_greet_and_list_commands_on_start() {
        router.handle(Incoming.text(agent, 7, "/start"), out);

        assertTrue(last().contains("你好"));
        assertTrue(last().contains("/help"));
    }

    @Test
    void should_let_an_active_conversation_take_plain_text() {
        List<String> customer = new ArrayList<>();
        router.add(Feature.named("roleplay")
                .conversation((user, chat) -> user.id() == 7, (in, r) -> customer.add(in.text())).build());

        router.handle(Incoming.text(agent, 7, "您好"), out);

        assertEquals(List.of("您好"), customer);
        assertTrue(tips.isEmpty());
    }

    @Test
    void should_answer_the_user_when_a_handler_throws() {
        router.add(Feature.named("roleplay").command("boom", Access.EVERYONE, (in, arg, r) -> {
            throw new IllegalStateException("boom");
        }).build());

        router.handle(Incoming.text(agent, 7, "/boom"), out);

        assertTrue(last().contains("抱歉"));
    }

    @Test
    void should_refuse_oversized_text() {
        router.handle(Incoming.text(agent, 7, "啊".repeat(CommandRouter.MAX_TEXT_CHARS + 1)), out);

        assertTrue(last().contains("太长"));
        assertTrue(tips.isEmpty());
    }

    @Test
    void should_route_buttons_by_prefix_and_flag_stale_ones() {
        List<String> pressed = new ArrayList<>();
        router.add(Feature.named("roleplay").buttons("tip:", Access.EVERYONE, (in, r) -> pressed.add(in.text()))
                .build());

        router.handle(Incoming.button(agent, 7, "tip:abc"), out);
        router.handle(Incoming.button(agent, 7, "zz:1"), out);

        assertEquals(List.of("tip:abc"), pressed);
        assertTrue(last().contains("失效"));
    }

    @Test
    void should_refuse_a_supervisor_command_to_a_trainee_naming_who_may_use_it() {
        List<String> seen = new ArrayList<>();
        router.add(Feature.named("team").command("team", Access.SUPERVISOR, (in, arg, r) -> seen.add("team"))
                .build());

        router.handle(Incoming.text(agent, 7, "/team"), out);
        String refusal = last();
        router.handle(Incoming.text(new User(3, "主管", "boss", false, true), 3, "/team"), out);

        assertTrue(refusal.contains("主管和管理员"), refusal);
        assertTrue(refusal.contains("SUPERVISOR_IDS"), refusal);
        assertEquals(List.of("team"), seen, "only the supervisor got through");
    }

    @Test
    void should_treat_admins_as_supervisors_and_show_them_supervisor_commands() {
        router.add(Feature.named("team").command("team", Access.SUPERVISOR, (in, arg, r) -> r.send(Reply.html("team")))
                .build());

        router.handle(Incoming.text(admin, 1, "/team"), out);
        String answer = last();
        router.handle(Incoming.text(agent, 7, "/help"), out);
        String forAgent = last();

        assertEquals("team", answer);
        assertFalse(forAgent.contains("/team"), forAgent);
    }

    @Test
    void should_ignore_group_chatter_that_is_not_meant_for_the_bot() {
        Incoming chatter = Incoming.text(agent, -100, "今天中午吃什么").at(Incoming.Where.group(false, null));
        Incoming mention = Incoming.text(agent, -100, "客户一直不说话怎么办")
                .at(Incoming.Where.group(true, null));

        router.handle(chatter, out);
        router.handle(mention, out);

        assertEquals(List.of("客户一直不说话怎么办"), tips);
        assertEquals(1, out.replies.size());
    }

    @Test
    void should_let_listeners_see_group_chatter_the_bot_does_not_answer() {
        List<Long> seen = new ArrayList<>();
        router.add(Feature.named("team").listener(in -> seen.add(in.user().id())).build());

        router.handle(Incoming.text(agent, -100, "大家好").at(Incoming.Where.group(false, null)), out);

        assertEquals(List.of(7L), seen);
        assertTrue(out.replies.isEmpty());
    }

    @Test
    void should_point_a_private_command_in_a_group_to_the_private_chat_and_run_it_there_on_start() {
        List<String> drills = new ArrayList<>();
        router.add(Feature.named("team")
                .privateCommand("drill", Access.TRAINEE, (in, arg, r) -> drills.add("drill in " + in.chatId())).build());

        router.handle(Incoming.text(agent, -100, "/drill@CoachBot").at(Incoming.Where.group(true, null)), out);
        Button link = out.last().buttons().get(0).get(0);
        router.handle(Incoming.text(agent, 7, "/start " + link.data()), out);

        assertEquals(Button.Kind.PRIVATE_START, link.kind());
        assertEquals("drill", link.data());
        assertEquals(List.of("drill in 7"), drills);
    }

    @Test
    void should_hand_a_start_link_to_the_feature_that_registered_its_prefix() {
        List<String> started = new ArrayList<>();
        router.add(Feature.named("roleplay").deepLink("rp_", (in, arg, r) -> started.add(arg)).build());

        router.handle(Incoming.text(agent, 7, "/start rp_hotel-no-hot-water"), out);
        router.handle(Incoming.text(agent, 7, "/start"), out);

        assertEquals(List.of("hotel-no-hot-water"), started);
        assertTrue(last().contains("你好"), "a plain /start still greets: " + last());
    }

    @Test
    void should_answer_an_inline_query_empty_when_its_handler_throws() {
        router.add(Feature.named("tips").inline(q -> {
            throw new IllegalStateException("index not ready");
        }).build());

        assertTrue(router.inline(new InlineQuery(agent, "客户不说话")).isEmpty());
    }

    private String last() {
        return out.last().html();
    }
}
