package org.coachbot.chat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the bot sends, read from disk when it is delivered so a large export never sits in memory whole.
 *
 * @param fileName the name the user sees, e.g. {@code team-2025-03-01.csv}
 */
public record Attachment(Path path, String fileName) {
    public Attachment {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(fileName, "fileName must not be null");
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("fileName must not be blank");
        }
    }
}
