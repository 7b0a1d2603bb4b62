package org.coachbot.team;

import org.coachbot.roleplay.SessionStore;
import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scoring.PastSession;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.scoring.PastDrill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session store that tells the team feature about every finished session once it is recorded, so role-play
 * needs no knowledge of assignments, reviews or certificates.
 */
public final class ObservedSessionStore implements SessionStore {
    private static final Logger log = LoggerFactory.getLogger(ObservedSessionStore.class);
    private final SessionStore store;
    private final Listener listener;

    /** Hears about a finished session after it was recorded. */
    @FunctionalInterface
    public interface Listener {
        void finished(Session session, Scorecard card, Instant endedAt);
    }

    public ObservedSessionStore(SessionStore store, Listener listener) {
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
    }

    @Override
    public Optional<Session> active(long userId, long chatId) {
        return store.active(userId, chatId);
    }

    @Override
    public void save(Session session) {
        store.save(session);
    }

    @Override
    public void discard(long userId, long chatId) {
        store.discard(userId, chatId);
    }

    @Override
    public void finish(Session session, Scorecard card, Instant endedAt) {
        store.finish(session, card, endedAt);
        try {
            listener.finished(session, card, endedAt);
        } catch (RuntimeException e) {
            // The session is recorded and the trainee gets the scorecard; only the team's view of it lags.
            log.error("the team feature could not take in the finished session of user {}", session.userId(), e);
        }
    }

    @Override
    public List<PastSession> history(long userId, int limit) {
        return store.history(userId, limit);
    }

    @Override
    public List<PastDrill> drills(long userId, int limit) {
        return store.drills(userId, limit);
    }
}
