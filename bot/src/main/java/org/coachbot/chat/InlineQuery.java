package org.coachbot.chat;

import java.util.Objects;

/** What a user typed after the bot's name in any chat ({@code @bot 客户不说话}), before choosing a result. */
public record InlineQuery(User user, String query) {
    public InlineQuery {
        Objects.requireNonNull(user, "user must not be null");
        query = query == null ? "" : query.strip();
    }
}
