package org.coachbot.sample;

import org.coachbot.chat.Access;
import org.coachbot.chat.CommandRouter;
import org.coachbot.chat.Feature;
import org.coachbot.chat.Incoming;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.testing.RecordingResponder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adding a feature touches its own package and bundle; the router routes, checks access and lists it. */
class SampleFeatureTest {
    private final User agent = new User(7, "agent", false);
    private final User boss = new User(3, "主管", "boss", false, true);
    private final User admin = new User(1, "admin", true);
    private final SampleFeature sample = new SampleFeature();
    private final CommandRouter router = new CommandRouter(List.of(sample.feature()));
    private final RecordingResponder out = new RecordingResponder();

    @Test
    void should_route_a_new_command_with_its_argument() {
        router.handle(Incoming.text(agent, 7, "/echo 你好"), out);

        assertEquals("echo 你好", out.last().html());
    }

    @Test
    void should_list_a_new_command_in_help_with_the_line_from_its_own_bundle() {
        router.handle(Incoming.text(agent, 7, "/help"), out);
        String forAgent = out.last().html();
        router.handle(Incoming.text(admin, 1, "/help"), out);
        String forAdmin = out.last().html();

        assertTrue(forAgent.contains("/echo <文字> — 把你说的话原样说一遍"), forAgent);
        assertFalse(forAgent.contains("/wipe"), forAgent);
        assertTrue(forAdmin.contains("/wipe — 清空样例数据(管理员)"), forAdmin);
    }

    @Test
    void should_refuse_an_admin_command_to_others_without_running_it() {
        router.handle(Incoming.text(agent, 7, "/wipe"), out);
        String refusal = out.last().html();
        router.handle(Incoming.text(admin, 1, "/wipe"), out);

        assertTrue(refusal.contains("/wipe") && refusal.contains("ADMIN_IDS"), refusal);
        assertEquals(List.of("admin"), sample.wiped);
    }

    @Test
    void should_refuse_a_supervisor_button_to_a_trainee_in_the_features_own_words() {
        router.handle(Incoming.button(agent, 7, "sm:1"), out);
        String refusal = out.last().html();
        router.handle(Incoming.button(boss, 3, "sm:2"), out);

        assertEquals("样例按钮只供主管使用。", refusal);
        assertEquals(List.of("sm:2"), sample.pressed);
    }

    @Test
    void should_put_each_command_in_the_menus_of_the_scopes_that_may_use_it() {
        var menu = router.menu();

        assertTrue(menu.privateChats().contains(Map.entry("echo", "把你说的话原样说一遍")));
        assertTrue(menu.groups().contains(Map.entry("echo", "把你说的话原样说一遍")));
        assertFalse(menu.privateChats().stream().anyMatch(e -> e.getKey().equals("wipe")));
        assertFalse(menu.supervisors().stream().anyMatch(e -> e.getKey().equals("wipe")));
        assertTrue(menu.admins().stream().anyMatch(e -> e.getKey().equals("wipe")));
    }

    @Test
    void should_refuse_at_start_a_button_namespace_another_feature_already_owns() {
        Feature clash = Feature.named("sample").buttons("sm:x", Access.EVERYONE, (in, r) -> r.send(Reply.html("x")))
                .build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> router.add(clash));

        assertTrue(e.getMessage().contains("\"sm:x\"") && e.getMessage().contains("\"sm:\""), e.getMessage());
    }

    @Test
    void should_refuse_at_start_a_command_another_feature_already_declares() {
        Feature clash = Feature.named("sample").command("help", Access.EVERYONE, (in, a, r) -> { }).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> router.add(clash));

        assertTrue(e.getMessage().contains("/help") && e.getMessage().contains("feature chat"), e.getMessage());
    }
}
