package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.text.Resources;

import java.util.function.BiFunction;

/** The role-play's vocabularies shipped inside the jar (hearing, tone, call checks), each parsed on first use. */
final class ShippedVocabulary {
    private ShippedVocabulary() {
    }

    /**
     * The parsed resource; a broken one stops the bot, saying where it is broken.
     *
     * @param parser parses a file's text, given its name for messages, throwing {@link KnowledgeFormatException}
     */
    static <T> T parse(String resource, BiFunction<String, String, T> parser) {
        try {
            return parser.apply(resource, Resources.text(resource));
        } catch (KnowledgeFormatException e) {
            throw new IllegalStateException("the shipped " + resource + " is broken: " + e.getMessage(), e);
        }
    }
}
