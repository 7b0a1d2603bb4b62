package org.coachbot.chat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ButtonTest {

    @Test
    void should_accept_a_start_payload_telegram_allows_and_refuse_others() {
        assertEquals("rp_hotel-no-hot-water", Button.privateStart("去私聊", "rp_hotel-no-hot-water").data());
        assertThrows(IllegalArgumentException.class, () -> Button.privateStart("去私聊", "rp hotel"));
        assertThrows(IllegalArgumentException.class, () -> Button.privateStart("去私聊", "场景"));
        assertThrows(IllegalArgumentException.class, () -> Button.privateStart("去私聊", "x".repeat(65)));
    }

    @Test
    void should_refuse_a_url_button_without_a_web_address_and_callback_data_over_64_bytes() {
        assertThrows(IllegalArgumentException.class, () -> Button.url("打开", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new Button("按钮", "汉".repeat(22)));
        assertEquals(Button.Kind.CALLBACK, new Button("按钮", "tm:team:1").kind());
    }

    @Test
    void should_drop_the_at_sign_of_a_username_and_make_admins_supervisors() {
        User admin = new User(1, "王主管", "@wang", true, false);

        assertEquals("wang", admin.username());
        assertEquals(true, admin.supervisor());
        assertEquals("王主管 (@wang)", admin.displayName());
    }
}
