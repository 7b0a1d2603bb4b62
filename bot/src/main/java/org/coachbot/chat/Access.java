package org.coachbot.chat;

/** Who may use a command, a button or a document upload; the router refuses everybody else. */
public enum Access {
    /** Every user the front end lets in. */
    EVERYONE,
    /** People who practise: every user, supervisors and administrators included, since they practise too. */
    TRAINEE,
    /** Supervisors and administrators; others are refused with a message saying who may use it. */
    SUPERVISOR,
    /** Administrators; the command is hidden from others' {@code /help} and the router refuses them. */
    ADMIN;

    /** Whether the user may use it, and so see it in {@code /help}. */
    public boolean allows(User user) {
        return switch (this) {
            case EVERYONE, TRAINEE -> true;
            case SUPERVISOR -> user.supervisor();
            case ADMIN -> user.admin();
        };
    }
}
