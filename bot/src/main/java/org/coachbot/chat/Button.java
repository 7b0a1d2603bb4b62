package org.coachbot.chat;

import java.util.Objects;

/** An inline button: a label the user sees and the data the core gets back when it is pressed. */
public record Button(String label, String data) {
    /** Telegram rejects callback data longer than 64 bytes. */
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(data, "data must not be null");
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data must be <= 64 bytes: " + data);
        }
    }
}
