package org.coachbot.team;

import org.coachbot.chat.Html;
import org.coachbot.chat.Messenger;
import org.coachbot.chat.Reply;
import org.coachbot.chat.User;
import org.coachbot.text.Texts;
import org.coachbot.tips.SupervisorAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tells the team's supervisors, in their private chats, that an agent is on a call with someone in danger: the
 * supervisors named in the configuration, or the admins when none is named. A supervisor who never wrote to the
 * bot cannot be reached (Telegram refuses a bot that writes first) and is not counted.
 */
public final class StaffAlert implements SupervisorAlert {
    private static final Logger log = LoggerFactory.getLogger(StaffAlert.class);
    private final List<Long> supervisors;
    private final People people;
    private final Messenger messenger;
    private final Texts texts = Texts.of("tips");

    /**
     * @param supervisors the configured supervisors
     * @param admins      told instead when no supervisor is configured
     */
    public StaffAlert(Set<Long> supervisors, Set<Long> admins, People people, Messenger messenger) {
        this.supervisors = List.copyOf(supervisors.isEmpty() ? admins : supervisors);
        this.people = Objects.requireNonNull(people, "people must not be null");
        this.messenger = Objects.requireNonNull(messenger, "messenger must not be null");
    }

    @Override
    public boolean available(User agent) {
        return supervisors.stream().anyMatch(id -> id != agent.id());
    }

    @Override
    public int alert(User agent, String question, String danger) {
        String name = people.find(agent.id()).map(Person::displayName).orElse(agent.name());
        Reply message = Reply.html(texts.get("tip.alert.message", Html.escape(name), Html.escape(danger),
                Html.escape(question)));
        int told = 0;
        for (long id : supervisors) {
            if (id == agent.id() || !people.find(id).map(Person::reachable).orElse(false)) {
                continue;
            }
            try {
                messenger.send(id, message);
                told++;
            } catch (RuntimeException e) {
                log.warn("could not alert supervisor {} about a caller in danger: {}", id, e.getMessage());
            }
        }
        return told;
    }
}
