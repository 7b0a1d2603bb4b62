package org.coachbot.chat;

/** Who may use a command. */
public enum Access {
    /** Every user. */
    EVERYONE,
    /** Supervisors and administrators; others are refused with a message saying who may use it. */
    SUPERVISOR,
    /** Administrators; the command is hidden from others' {@code /help} and its handler refuses them. */
    ADMIN;

    /** Whether the user may see the command in {@code /help}. */
    public boolean visibleTo(User user) {
        return switch (this) {
            case EVERYONE -> true;
            case SUPERVISOR -> user.supervisor();
            case ADMIN -> user.admin();
        };
    }
}
