package org.coachbot.tips;

import org.coachbot.chat.User;

/** Tells the team's supervisors at once that an agent is on a call with someone in danger. */
@FunctionalInterface
public interface SupervisorAlert {
    /** Nobody to tell: the button is not offered. */
    SupervisorAlert NONE = new SupervisorAlert() {
        @Override
        public int alert(User agent, String question, String danger) {
            return 0;
        }

        @Override
        public boolean available(User agent) {
            return false;
        }
    };

    /**
     * Sends the supervisors the agent's name, question and the kind of danger; returns how many could be told
     * (a supervisor who never opened the private chat with the bot cannot be written to).
     */
    int alert(User agent, String question, String danger);

    /** Whether the agent has supervisors to tell. */
    default boolean available(User agent) {
        return true;
    }
}
