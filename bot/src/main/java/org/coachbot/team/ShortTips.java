package org.coachbot.team;

import java.util.List;

/** The short form of the tips, as inline mode offers them; implemented by the tip service. */
@FunctionalInterface
public interface ShortTips {

    /** Up to {@code max} tips for the question, best first; empty when the question is off-topic. */
    List<Tip> find(String question, int max);

    /**
     * One short tip.
     *
     * @param key       a short stable id of the tip, at most 64 characters
     * @param title     what the result list shows in bold
     * @param firstLine the line under it
     * @param html      the message posted when the tip is chosen, Telegram HTML
     */
    record Tip(String key, String title, String firstLine, String html) {
    }
}
