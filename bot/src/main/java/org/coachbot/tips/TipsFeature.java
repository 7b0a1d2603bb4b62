package org.coachbot.tips;

import org.coachbot.chat.Access;
import org.coachbot.chat.Feature;
import org.coachbot.chat.InlineAnswer;
import org.coachbot.chat.InlineQuery;

import java.util.List;
import java.util.function.Function;

/** Quick tips in the chat: {@code /ask}, any plain text no conversation takes, the tip buttons and inline lookups. */
public final class TipsFeature {
    private TipsFeature() {
    }

    /**
     * The tips feature served by {@code tips}; its texts are in {@code i18n/tips.properties}.
     *
     * @param inline answers {@code @bot question} typed in any chat
     */
    public static Feature of(TipService tips, Function<InlineQuery, List<InlineAnswer>> inline) {
        return Feature.named("tips")
                .command("ask", Access.EVERYONE, (in, arg, out) -> tips.answer(in, arg, out))
                .plainText((in, out) -> tips.answer(in, in.text(), out))
                .buttons(TipService.BUTTON_PREFIX, Access.EVERYONE, tips::onButton)
                .inline(inline)
                .build();
    }
}
