package org.coachbot.chat;

import java.util.Objects;

/** A person talking to the bot, as the chat core sees them. */
public record User(long id, String name, boolean admin) {
    public User {
        Objects.requireNonNull(name, "name must not be null");
    }
}
