package org.coachbot.safety;

import java.util.Optional;

/** Recognises a question about a caller in danger. */
public interface DangerCheck {
    /** Recognises nothing. */
    DangerCheck NONE = new DangerCheck() {
        @Override
        public Optional<Danger> detect(String normalizedQuestion) {
            return Optional.empty();
        }

        @Override
        public Optional<Danger> plausible(String normalizedQuestion) {
            return Optional.empty();
        }
    };

    /** The danger a normalised question is about, if any. */
    Optional<Danger> detect(String normalizedQuestion);

    /**
     * The danger a question may be about, on weaker evidence: enough when the only other answer is a decline or
     * when retrieval finds a danger's steps closest.
     */
    Optional<Danger> plausible(String normalizedQuestion);
}
