package org.coachbot.chat;

import java.util.Objects;

/**
 * A person talking to the bot, as the chat core sees them.
 *
 * @param name       the display name the person chose (first and last name), never empty
 * @param username   the {@code @username} without the {@code @}, or empty when the person has none
 * @param supervisor may see the team and assign practice; administrators are supervisors too
 */
public record User(long id, String name, String username, boolean admin, boolean supervisor) {
    public User {
        Objects.requireNonNull(name, "name must not be null");
        username = username == null ? "" : username.strip();
        if (username.startsWith("@")) {
            username = username.substring(1);
        }
        supervisor = supervisor || admin;
    }

    /** A user without a username, a supervisor exactly when an administrator. */
    public User(long id, String name, boolean admin) {
        this(id, name, "", admin, admin);
    }

    /** The name people know them by: {@code 王小明 (@wxm)}, or the name alone. */
    public String displayName() {
        return username.isEmpty() ? name : name + " (@" + username + ")";
    }
}
