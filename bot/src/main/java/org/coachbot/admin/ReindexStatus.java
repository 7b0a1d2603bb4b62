package org.coachbot.admin;

import org.coachbot.chat.Responder;
import org.coachbot.retrieval.IndexProgress;
import org.coachbot.text.Texts;

import java.time.Clock;

/** Shows "索引中 40/120" in one edited message once a re-index has taken longer than {@link #SHOW_AFTER_MS}. */
final class ReindexStatus {
    /** Short re-indexes finish before anyone wonders; only longer ones get a progress message. */
    static final long SHOW_AFTER_MS = 2000;
    private final Clock clock;
    private final Texts texts;

    ReindexStatus(Clock clock, Texts texts) {
        this.clock = clock;
        this.texts = texts;
    }

    IndexProgress start(Responder out) {
        long started = clock.millis();
        Responder.Status[] status = new Responder.Status[1];
        int[] shown = {-1};
        return (done, total) -> {
            if (clock.millis() - started < SHOW_AFTER_MS) {
                return;
            }
            // Editing on every section would hit Telegram's rate limits; a step of a tenth is enough to see progress.
            int step = Math.max(1, total / 10);
            if (shown[0] >= 0 && done - shown[0] < step && done != total) {
                return;
            }
            shown[0] = done;
            String text = texts.get("reindex.progress", done, total);
            if (status[0] == null) {
                status[0] = out.status(text);
            } else {
                status[0].update(text);
            }
        };
    }
}
