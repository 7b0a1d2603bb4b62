package org.coachbot.roleplay;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small knowledge folder in {@code src/test/resources/roleplay/knowledge}: 3 topics, a rubric, 2 scenarios. */
final class Fixtures {
    static final String HOTEL = "hotel-no-hot-water";
    static final String SILENT = "silent-buyer";

    private Fixtures() {
    }

    static Path knowledgeDir() {
        try {
            return Path.of(Fixtures.class.getResource("/roleplay/knowledge/rubric.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static KnowledgeBase knowledge() {
        return new KnowledgeLoader().load(knowledgeDir());
    }

    static ScenarioBook book() {
        ScenarioBook book = ScenarioBook.load(knowledgeDir(), knowledge());
        if (!book.problems().isEmpty()) {
            throw new IllegalStateException("fixture problems: " + book.problems());
        }
        return book;
    }

    static Rubric rubric() {
        return book().rubric().orElseThrow();
    }

    static Scenario scenario(String id) {
        return book().scenario(id).orElseThrow();
    }
}
