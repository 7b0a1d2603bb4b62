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
    private final CommandRouter router = new CommandRouter(
            (in, r) -> {
                tips.add(in.text());
                r.send(Reply.html("tip"));
            },
            (in, r) -> r.send(Reply.html("document")))
            .command("ask", (in, arg, r) -> tips.add(arg), false)
            .command("kb", (in, arg, r) -> r.send(Reply.html("kb")), true);

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
        router.conversation((user, chat) -> user.id() == 7, (in, r) -> customer.add(in.text()));

        router.handle(Incoming.text(agent, 7, "您好"), out);

        assertEquals(List.of("您好"), customer);
        assertTrue(tips.isEmpty());
    }

    @Test
    void should_answer_the_user_when_a_handler_throws() {
        router.command("boom", (in, arg, r) -> {
            throw new IllegalStateException("boom");
        }, false);

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
        router.buttons("tip:", (in, r) -> pressed.add(in.text()));

        router.handle(Incoming.button(agent, 7, "tip:abc"), out);
        router.handle(Incoming.button(agent, 7, "zz:1"), out);

        assertEquals(List.of("tip:abc"), pressed);
        assertTrue(last().contains("失效"));
    }

    private String last() {
        return out.last().html();
    }
}
