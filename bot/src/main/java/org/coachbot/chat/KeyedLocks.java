package org.coachbot.chat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key (a user in a chat), held only while someone uses it: a lock is created on first use and
 * forgotten when its last user releases it, so the map holds the keys in use now, never every user ever seen.
 */
public final class KeyedLocks {
    private final ConcurrentHashMap<String, Holder> locks = new ConcurrentHashMap<>();

    /** A lock and how many callers hold or wait for it; changed only inside the map's atomic compute calls. */
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** Runs {@code action} holding the lock of {@code key}; callers with other keys run in parallel. */
    public <T> T with(String key, Supplier<T> action) {
        Holder holder = locks.compute(key, (k, h) -> {
            Holder held = h == null ? new Holder() : h;
            held.users++;
            return held;
        });
        holder.lock.lock();
        try {
            return action.get();
        } finally {
            holder.lock.unlock();
            locks.computeIfPresent(key, (k, h) -> --h.users == 0 ? null : h);
        }
    }

    /** Runs {@code action} holding the lock of {@code key}. */
    public void run(String key, Runnable action) {
        with(key, () -> {
            action.run();
            return null;
        });
    }

    /** How many keys have a lock now: those in use, none of the idle ones. */
    public int size() {
        return locks.size();
    }
}
