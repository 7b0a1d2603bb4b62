package org.coachbot.chat;

import java.util.Objects;

/** A file attached to a message; {@code fileId} is what the front end needs to download it. */
public record Document(String fileId, String fileName, long size) {
    public Document {
        Objects.requireNonNull(fileId, "fileId must not be null");
        fileName = fileName == null ? "" : fileName;
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
    }
}
