package org.coachbot.roleplay;

import org.coachbot.chat.Access;
import org.coachbot.chat.Feature;

/** Role-play in the chat: {@code /roleplay}, {@code /hint}, {@code /end}, the session's text and its buttons. */
public final class RolePlayFeature {
    private RolePlayFeature() {
    }

    /** The role-play feature served by {@code desk}; its texts are in {@code i18n/roleplay.properties}. */
    public static Feature of(RolePlayDesk desk) {
        return Feature.named("roleplay")
                .command("roleplay", Access.TRAINEE, desk::start)
                .privateCommand("hint", Access.TRAINEE, desk::hint)
                .privateCommand("end", Access.TRAINEE, desk::end)
                .deepLink(RolePlayDesk.DEEP_LINK, desk::start)
                .conversation(desk::isActive, desk::say)
                .buttons(RolePlayDesk.BUTTON_PREFIX, Access.TRAINEE, desk::onButton)
                .build();
    }
}
