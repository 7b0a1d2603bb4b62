package org.coachbot.retrieval;

/** Told how far an index build has come, e.g. to show admins "索引中 40/120". */
@FunctionalInterface
public interface IndexProgress {
    /** No reporting. */
    IndexProgress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} sections have their embedding; called from the building thread. */
    void indexed(int done, int total);
}
