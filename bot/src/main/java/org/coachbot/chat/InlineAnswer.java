package org.coachbot.chat;

import java.util.Objects;

/**
 * One result offered for an inline query: the user sees the title and description and, on choosing it, posts
 * the HTML message into the chat they are in.
 *
 * @param id a short id, unique among the results of one answer
 */
public record InlineAnswer(String id, String title, String description, String html) {
    public InlineAnswer {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(title, "title must not be null");
        description = description == null ? "" : description;
        Objects.requireNonNull(html, "html must not be null");
        if (id.isEmpty() || id.length() > 64) {
            throw new IllegalArgumentException("id must be 1-64 characters: " + id);
        }
        if (title.isBlank() || html.isBlank()) {
            throw new IllegalArgumentException("an inline answer needs a title and a message");
        }
    }
}
