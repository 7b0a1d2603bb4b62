package org.coachbot.insights;

import org.coachbot.chat.Access;
import org.coachbot.chat.Feature;

/** What admins learn from agents' questions, {@code /gaps} and {@code /stats}, and everyone's 👍/👎 buttons. */
public final class InsightsFeature {
    private InsightsFeature() {
    }

    /** The insights feature served by {@code desk}; its texts are in {@code i18n/insights.properties}. */
    public static Feature of(InsightsDesk desk) {
        return Feature.named("insights")
                .command("gaps", Access.ADMIN, desk::gaps)
                .command("stats", Access.ADMIN, desk::stats)
                .buttons(FeedbackButtons.PREFIX, Access.EVERYONE, desk::onButton)
                .build();
    }
}
