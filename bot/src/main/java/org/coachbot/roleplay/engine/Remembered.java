package org.coachbot.roleplay.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.coachbot.roleplay.scenario.Recall;

import java.util.Objects;

/**
 * Something the trainee did that the customer keeps in mind for the rest of the call.
 *
 * @param detail   what to bring it up with: the promised time, the refusing clause; empty for a contact
 * @param turn     the trainee line it was said in
 * @param recalled the customer has brought it up since
 */
public record Remembered(@JsonProperty("recall") Recall recall, @JsonProperty("detail") String detail,
                         @JsonProperty("turn") int turn, @JsonProperty("recalled") boolean recalled) {
    public Remembered {
        Objects.requireNonNull(recall, "recall must not be null");
        detail = detail == null ? "" : detail;
        if (turn < 1) {
            throw new IllegalArgumentException("turn must be >= 1");
        }
    }

    /** A deed just done, not brought up yet. */
    public Remembered(Recall recall, String detail, int turn) {
        this(recall, detail, turn, false);
    }

    /** This deed, brought up by the customer. */
    public Remembered asRecalled() {
        return new Remembered(recall, detail, turn, true);
    }
}
