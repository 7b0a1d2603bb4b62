package org.coachbot.roleplay.scenario;

import java.util.Locale;

/** Something the trainee did earlier in the call that the customer remembers and brings up again. */
public enum Recall {
    /** The trainee asks again what the customer has already told. */
    ANSWERED,
    /** The trainee promised something by a time. */
    PROMISE,
    /** The trainee said something cannot be done. */
    REFUSAL,
    /** The trainee gave the customer a private WeChat or phone number. */
    CONTACT;

    /** The spelling used in the scenario files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The placeholder its lines must hold, or empty when they take none. */
    public String placeholder() {
        return switch (this) {
            case ANSWERED -> "{answer}";
            case PROMISE -> "{time}";
            case REFUSAL, CONTACT -> "";
        };
    }
}
