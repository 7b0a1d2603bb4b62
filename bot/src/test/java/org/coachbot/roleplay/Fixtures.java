package org.coachbot.roleplay;

import org.coachbot.knowledge.KnowledgeBase;
import org.coachbot.knowledge.KnowledgeLoader;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.nio.file.Path;

/**
 * The knowledge the bot ships with ({@code ../knowledge}, or {@code -Dcoachbot.knowledge=<dir>}): role-play is
 * tested on the real rubric and scenarios, so a content change that breaks the customer or the score fails here.
 */
public final class Fixtures {
    public static final String HOTEL = "hotel-no-hot-water";
    public static final String SILENT = "silent-customer";
    static final String ETICKET = "midnight-eticket";
    private static KnowledgeBase knowledge;
    private static ScenarioBook book;

    private Fixtures() {
    }

    public static Path knowledgeDir() {
        return Path.of(System.getProperty("coachbot.knowledge", "../knowledge"));
    }

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = new KnowledgeLoader().load(knowledgeDir());
        }
        return knowledge;
    }

    public static synchronized ScenarioBook book() {
        if (book == null) {
            ScenarioBook loaded = ScenarioBook.load(knowledgeDir(), knowledge());
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("problems in " + knowledgeDir() + ": " + loaded.problems());
            }
            book = loaded;
        }
        return book;
    }

    public static Rubric rubric() {
        return book().rubric().orElseThrow();
    }

    public static Scenario scenario(String id) {
        return book().scenario(id).orElseThrow();
    }
}
