package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the scorecard checks beyond the rubric's moves ({@code roleplay/checks.yaml}): a line that declines to
 * guarantee, which no offence the rubric hears in it makes wrong; a fact the trainee made up, and a customer's
 * objection or question the trainee went past. The last two are notes on the card and never change the score, since
 * they read the customer's lines and those differ between the scripted and the language-model customer.
 *
 * @param noGuarantee a line that declines to guarantee what nobody can ("我不能跟您打包票")
 * @param commitment a clause in which the agent commits to doing something: a time in it is a promise, not a fact
 * @param objection  a customer line that objects: unwilling, disagreeing
 * @param question   a customer line that asks: a goodbye is no answer to it
 * @param heard      words by which an agent's line takes up what the customer said
 */
public record CallChecks(Pattern noGuarantee, Pattern commitment, Note invented, Pattern objection, Pattern question, Pattern heard,
                         Note ignored) {
    /** The vocabulary shipped with the bot. */
    public static final String RESOURCE = "roleplay/checks.yaml";

    /**
     * What the card says about one kind of slip.
     *
     * @param dimension the rubric dimension the note is filed under
     * @param advice    the advice; {@code {fact}} or {@code {customer}} stands for the words concerned
     */
    public record Note(String dimension, String advice, String better, String section) {
        public Note {
            Objects.requireNonNull(dimension, "dimension must not be null");
            Objects.requireNonNull(advice, "advice must not be null");
            Objects.requireNonNull(better, "better must not be null");
            Objects.requireNonNull(section, "section must not be null");
        }
    }

    public CallChecks {
        Objects.requireNonNull(noGuarantee, "noGuarantee must not be null");
        Objects.requireNonNull(commitment, "commitment must not be null");
        Objects.requireNonNull(invented, "invented must not be null");
        Objects.requireNonNull(objection, "objection must not be null");
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(heard, "heard must not be null");
        Objects.requireNonNull(ignored, "ignored must not be null");
    }

    /** The shipped vocabulary, read once. */
    public static CallChecks shipped() {
        return Shipped.CHECKS;
    }

    /** Parses a vocabulary file; problems are thrown with {@code file:line}. */
    static CallChecks parse(String file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text, Texts.of("roleplay"));
        doc.onlyKeys("", Set.of("no_guarantee", "invented", "ignored"));
        doc.onlyKeys("/invented", Set.of("commitment", "dimension", "advice", "better", "section"));
        doc.onlyKeys("/ignored", Set.of("objection", "question", "heard", "dimension", "advice", "better",
                "section"));
        return new CallChecks(doc.pattern("/no_guarantee", PatternBudget.DEFAULT),
                doc.pattern("/invented/commitment", PatternBudget.DEFAULT), note(doc, "/invented"),
                doc.pattern("/ignored/objection", PatternBudget.DEFAULT),
                doc.pattern("/ignored/question", PatternBudget.DEFAULT),
                doc.pattern("/ignored/heard", PatternBudget.DEFAULT), note(doc, "/ignored"));
    }

    private static Note note(YamlDocument doc, String at) {
        return new Note(doc.text(at + "/dimension"), doc.text(at + "/advice"), doc.text(at + "/better"),
                doc.text(at + "/section"));
    }

    /** Holder so the file is read on first use. */
    private static final class Shipped {
        static final CallChecks CHECKS = ShippedVocabulary.parse(RESOURCE, CallChecks::parse);
    }
}
