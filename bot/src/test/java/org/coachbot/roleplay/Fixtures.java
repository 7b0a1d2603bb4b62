package org.coachbot.roleplay;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;

import java.nio.file.Path;

/**
 * The knowledge the bot ships with ({@code ../knowledge}, or {@code -Dcoachbot.knowledge=<dir>}): role-play is
 * tested on the real rubric and scenarios, so a content change that breaks the customer or the score fails here.
 */
final class Fixtures {
    static final String HOTEL = "hotel-no-hot-water";
    static final String SILENT = "silent-customer";
    static final String ETICKET = "midnight-eticket";
    private static KnowledgeBase knowledge;
    private static ScenarioBook book;

    private Fixtures() {
    }

    static Path knowledgeDir() {
        return Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
    }

    static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = new KnowledgeLoader().load(knowledgeDir());
        }
        return knowledge;
    }

    static synchronized ScenarioBook book() {
        if (book == null) {
            ScenarioBook loaded = ScenarioBook.load(knowledgeDir(), knowledge());
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("problems in " + knowledgeDir() + ": " + loaded.problems());
            }
            book = loaded;
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
