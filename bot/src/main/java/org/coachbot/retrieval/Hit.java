package org.coachbot.retrieval;

import org.coachbot.knowledge.Section;

import java.util.Objects;

/** A section found for a query, with the retriever's score (higher is better; scales differ per retriever). */
public record Hit(Section section, double score) {
    public Hit {
        Objects.requireNonNull(section, "section must not be null");
    }
}
