package org.coachbot.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * What made a knowledge version: who changed which file how, and on top of which version. Stored beside the
 * version's files, so history and rollback survive restarts.
 *
 * @param version     the version this change created
 * @param parent      the version it was made on; 0 for the first
 * @param action      what was done
 * @param file        the file it concerned, or the changed files of an edit on disk or a seed, what an upgrade
 *                    did, or {@code *}
 * @param fingerprint {@link org.coachbot.knowledge.KnowledgeFiles#fingerprint} of the version's files
 */
record KnowledgeChange(int version, int parent, Action action, String file, long userId, String user, Instant at,
                       String fingerprint) {
    /** The kinds of change that create a version. */
    enum Action {
        /** The folder as found at the very first start. */
        START,
        /** Files edited on disk, seen at start or by the folder watcher. */
        DISK,
        /** Files edited on disk, picked up by {@code /reload}. */
        RELOAD,
        /** An uploaded file that was not there before. */
        ADD,
        /** An uploaded file that replaced one of the same name. */
        REPLACE,
        /** A file deleted with {@code /kb delete}. */
        DELETE,
        /** The release's knowledge put into the empty folder in service at the very first start. */
        SEED,
        /** A newer release merged into the folder in service at start; see {@link KnowledgeUpgrade}. */
        UPGRADE,
        /** The release's text offered beside a file the admins changed, put in its place with {@code /kb take}. */
        TAKE
    }

    KnowledgeChange {
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(user, "user must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(fingerprint, "fingerprint must not be null");
        if (version < 1 || parent < 0 || parent >= version) {
            throw new IllegalArgumentException("a change needs 0 <= parent < version: " + parent + ", " + version);
        }
    }
}
