package org.coachbot.roleplay;

import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.scoring.PastDrill;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live between messages and after they end. Every method is durable when it returns, so a bot
 * restarted at any moment continues each session from its last turn.
 */
public interface SessionStore {

    /** The session in progress for this user in this chat. */
    Optional<Session> active(long userId, long chatId);

    /** Saves the session in progress, replacing the previous state. */
    void save(Session session);

    /** Forgets the session in progress without recording it, e.g. when the trainee never said a word. */
    void discard(long userId, long chatId);

    /** Atomically removes the session in progress and adds its scores to the trainee's history. */
    void finish(Session session, Scorecard card, Instant endedAt);

    /**
     * The trainee's latest finished full sessions, newest first. Drills are left out: a call cut short after a few
     * lines scores low on what it did not train and would drag the trend down.
     */
    List<PastSession> history(long userId, int limit);

    /** The trainee's latest finished drills, newest first, each with the score of the dimension it trained. */
    List<PastDrill> drills(long userId, int limit);
}
