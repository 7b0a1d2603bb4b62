package org.coachbot.team;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everyone the bot has talked with, by the names Telegram gave them, and their daily reminders. */
public interface People {

    /**
     * Records a person's current name and @username and that they were just seen; {@code privately} when they
     * wrote in the private chat with the bot, which lets the bot write to them there from then on.
     */
    void saw(long id, String name, String username, boolean privately, Instant now);

    Optional<Person> find(long id);

    /** The person with this @username (without the {@code @}, any case), if the bot has seen them. */
    Optional<Person> byUsername(String username);

    /** People seen most recently first, leaving out {@code except}; for the picker of trainees. */
    List<Person> recent(int offset, int limit, Set<Long> except);

    /** How many people the bot has seen, leaving out {@code except}. */
    int count(Set<Long> except);

    /** Everyone by id, for reports that name people. */
    Map<Long, Person> all();

    /** Turns the daily reminder on at {@code at} in {@code zone} (null for the team's), first due at {@code next}. */
    void remind(long id, LocalTime at, ZoneId zone, Instant next);

    /** Turns the daily reminder off. */
    void stopReminders(long id);

    /** People whose reminder is due at {@code now}. */
    List<Person> dueReminders(Instant now);

    /**
     * Moves a reminder from {@code due} to {@code next}; false when another run already moved it. Called before the
     * reminder is sent, so a restart never sends one twice.
     */
    boolean claimReminder(long id, Instant due, Instant next);
}
