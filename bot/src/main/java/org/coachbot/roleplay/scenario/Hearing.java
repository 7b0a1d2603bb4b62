package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.KnowledgeFormatException;
import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How every customer hears a question, whatever the scenario: what makes a clause a request for information, which
 * questions only ask for consent, what kind of thing a question asks about (when, where, how much, which number…),
 * a private contact the trainee gives away, and which of the customer's own questions a promise or a contact has
 * already answered. Read from {@code roleplay/hearing.yaml} on the classpath, whose header documents the fields.
 *
 * @param sameKindMargin  added to the rubric's fact threshold when the question is of a kind the fact's example
 *                        questions are, negative so that such a fact is heard from further away
 * @param otherKindMargin added when the question has a kind the fact's examples never ask
 * @param knowsMargin     added for "您知道……吗" questions, which often ask what the customer may not know
 * @param edge            how likely, by the rubric's move classifier, a line in which no move was heard must be
 *                        to carry an offence for the customer to answer it in their mood rather than let it pass
 */
public record Hearing(Pattern question, Pattern telling, Pattern asking, Pattern notAsking, Pattern consent, Pattern story, Pattern wishes,
                      Pattern theirSide, Pattern knows, Pattern followUp, Map<String, Pattern> kinds,
                      double sameKindMargin, double otherKindMargin, double knowsMargin, double edge,
                      Pattern contact, Map<Recall, Pattern> asksAgain) {
    /** The vocabulary shipped with the bot. */
    public static final String RESOURCE = "roleplay/hearing.yaml";

    public Hearing {
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(telling, "telling must not be null");
        Objects.requireNonNull(asking, "asking must not be null");
        Objects.requireNonNull(notAsking, "notAsking must not be null");
        Objects.requireNonNull(consent, "consent must not be null");
        Objects.requireNonNull(story, "story must not be null");
        Objects.requireNonNull(wishes, "wishes must not be null");
        Objects.requireNonNull(theirSide, "theirSide must not be null");
        Objects.requireNonNull(knows, "knows must not be null");
        Objects.requireNonNull(followUp, "followUp must not be null");
        Objects.requireNonNull(contact, "contact must not be null");
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        asksAgain = java.util.Collections.unmodifiableMap(new EnumMap<>(asksAgain.isEmpty()
                ? Map.of(Recall.PROMISE, Pattern.compile("(?!)")) : asksAgain));
        if (sameKindMargin > 0 || sameKindMargin < -0.3) {
            throw new IllegalArgumentException("sameKindMargin must be within -0.3..0: " + sameKindMargin);
        }
        if (edge <= 0 || edge > 1) {
            throw new IllegalArgumentException("edge must be within (0, 1]: " + edge);
        }
        if (otherKindMargin < 0 || otherKindMargin > 0.3 || knowsMargin < 0 || knowsMargin > 0.3) {
            throw new IllegalArgumentException("otherKindMargin and knowsMargin must be within 0..0.3: "
                    + otherKindMargin + ", " + knowsMargin);
        }
    }

    /** The shipped vocabulary, read once. */
    public static Hearing shipped() {
        return Shipped.HEARING;
    }

    /** Parses a vocabulary file; problems are thrown with {@code file:line}. */
    static Hearing parse(String file, String text) {
        return new HearingParser(Texts.of("roleplay"), PatternBudget.DEFAULT).parse(file, text);
    }

    /** True when the clause is worded as a question. */
    public boolean questionWords(String clause) {
        return question.matcher(clause).find();
    }

    /** True when the sentence tells the customer something, whatever question words it holds ("几天到账还不好说"). */
    public boolean tells(String sentence) {
        return telling.matcher(sentence).find();
    }

    /** True when the clause asks the customer for something even without a question word. */
    public boolean asks(String clause) {
        return asking.matcher(clause).find();
    }

    /**
     * True when the question only greets, checks the line, cares or closes the call, or asks for consent without
     * asking for anything ("给您换到1206,可以吗?"; "麻烦报一下房号好吗?" still asks for the room).
     */
    public boolean onlyChecks(String clause) {
        if (notAsking.matcher(clause).find()) {
            return true;
        }
        return consent.matcher(clause).find() && !asks(clause) && kindsOf(clause).isEmpty();
    }

    /** True when the question asks about the company's side, which no caller can know. */
    public boolean theirSide(String clause) {
        return theirSide.matcher(clause).find();
    }

    /** True when the question asks whether the customer knows or remembers something. */
    public boolean asksWhetherKnown(String clause) {
        return knows.matcher(clause).find();
    }

    /** True when the question goes on about what the question before it asked ("上面写的是几晚?"). */
    public boolean followsUp(String clause) {
        return followUp.matcher(clause).find();
    }

    /**
     * True when a question that matches no fact asks something the customer does not know: it asks a definite
     * kind of thing, or something on the company's side, and is neither a check, a request for the story nor a
     * question about what the customer wants.
     */
    public boolean mayNotKnow(String clause) {
        if (theirSide(clause)) {
            return true;
        }
        return !kindsOf(clause).isEmpty() && !onlyChecks(clause) && !story.matcher(clause).find()
                && !wishes.matcher(clause).find();
    }

    /** The kinds of question the clause asks, in vocabulary order. */
    public Set<String> kindsOf(String clause) {
        Set<String> out = new LinkedHashSet<>();
        kinds.forEach((kind, pattern) -> {
            if (pattern.matcher(clause).find()) {
                out.add(kind);
            }
        });
        return out;
    }

    /** True when the line gives the customer the trainee's own WeChat or phone number. */
    public boolean givesContact(String normalised) {
        return contact.matcher(normalised).find();
    }

    /**
     * True when the customer's line asks for what the recalled deed already gave, or as if it had not been given:
     * a time after a promise ("那什么时候能好?"), a number after a private contact ("微信还没加呢").
     */
    public boolean asksAgain(Recall recall, String customerLine) {
        Pattern p = asksAgain.get(recall);
        return p != null && p.matcher(customerLine).find();
    }

    /** Holder so the file is read on first use, not when the class loads for a test that builds its own. */
    private static final class Shipped {
        static final Hearing HEARING = load();

        private static Hearing load() {
            try (InputStream in = Hearing.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            } catch (KnowledgeFormatException e) {
                throw new IllegalStateException("the shipped " + RESOURCE + " is broken: " + e.getMessage(), e);
            }
        }
    }
}
