package org.coachbot.roleplay.scenario;

import org.coachbot.knowledge.PatternBudget;
import org.coachbot.text.Texts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How every customer hears a question, whatever the scenario: what makes a clause a question or a request for
 * information, which questions only check or ask for consent, what kind of thing a question asks about (when,
 * where, how much, which number…), what a caller cannot know, a private contact the trainee gives away, and which of
 * the customer's own lines a promise or a contact has already answered. Read from {@code roleplay/hearing.yaml} on
 * the classpath, whose header documents the fields.
 *
 * @param signs     one pattern per {@link Sign}
 * @param kinds     kind of question to the pattern that asks it, in file order
 * @param margins   how far the kind of a question moves the threshold for hearing a fact by meaning
 * @param edge      how likely, by the rubric's move classifier, a line in which no move was heard must be to carry
 *                  an offence for the customer to answer it in their mood rather than let it pass
 * @param echo      a question this short with no question word or kind only echoes the customer ("加微信?")
 * @param asksAgain per deed, what the customer's own lines must not ask for once it was done
 */
public record Hearing(Map<Sign, Pattern> signs, Map<String, Pattern> kinds, Margins margins, double edge, int echo,
                      Map<Recall, Pattern> asksAgain) {
    /** The vocabulary shipped with the bot. */
    public static final String RESOURCE = "roleplay/hearing.yaml";

    /** The patterns of the file that each mark one thing about a clause or a line. */
    public enum Sign {
        QUESTION, TELLING, ASKING, NOT_ASKING, CONSENT, STORY, WISHES, THEIR_SIDE, UNKNOWABLE, KNOWS, FOLLOW_UP,
        THING, RECALLS, DONE, CONTACT;

        /** The spelling used in the file. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Added to the rubric's fact threshold: {@code sameKind} (at most 0) when the question is of a kind the fact's
     * example questions ask, so that such a fact is heard from further away; {@code otherKind} when it asks a kind
     * they never do; {@code knows} for "您知道……吗" questions, which often ask what the customer may not know;
     * {@code open} (at most 0) for a question about the customer's own story or wishes that no fact is close enough
     * to ("您详细说说这个扣费是怎么回事?"): the closest fact within it is what the customer tells; {@code told}
     * (at most 0) is added to a question's closeness to the fact itself and its answers rather than its questions;
     * below {@code open}, down to {@code own} more (at most 0), such a question is still about the closest fact when
     * that fact leads every other by {@code lead} ("资料那块您最担心什么?" is about the data, if not very close).
     */
    public record Margins(double sameKind, double otherKind, double knows, double open, double told, double own,
                          double lead) {
        /** The largest margin either way: beyond it a kind would decide on its own, not move a threshold. */
        public static final double MAX = 0.3;

        public Margins {
            if (sameKind > 0 || sameKind < -MAX || otherKind < 0 || otherKind > MAX || knows < 0 || knows > MAX
                    || open > 0 || open < -MAX || told > 0 || told < -MAX || own > 0 || own < -MAX || lead < 0
                    || lead > MAX) {
                throw new IllegalArgumentException("margins must be within -0.3..0 (same kind, open, told, own) and "
                        + "0..0.3 (other kind, knows, lead): " + sameKind + ", " + otherKind + ", " + knows + ", "
                        + open + ", " + told + ", " + own + ", " + lead);
            }
        }
    }

    public Hearing {
        signs = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(signs, "signs must not be null")));
        for (Sign s : Sign.values()) {
            Objects.requireNonNull(signs.get(s), () -> "no pattern for " + s.key());
        }
        kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        Objects.requireNonNull(margins, "margins must not be null");
        Map<Recall, Pattern> again = new EnumMap<>(Recall.class);
        again.putAll(asksAgain);
        asksAgain = Collections.unmodifiableMap(again);
        if (echo < 0) {
            throw new IllegalArgumentException("echo must be >= 0: " + echo);
        }
        if (edge <= 0 || edge > 1) {
            throw new IllegalArgumentException("edge must be within (0, 1]: " + edge);
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

    private boolean has(Sign sign, String text) {
        return signs.get(sign).matcher(text).find();
    }

    /** True when the clause is worded as a question. */
    public boolean questionWords(String clause) {
        return has(Sign.QUESTION, clause);
    }

    /** True when the sentence tells the customer something, whatever question words it holds ("几天到账还不好说"). */
    public boolean tells(String sentence) {
        return has(Sign.TELLING, sentence);
    }

    /**
     * True when a telling phrase of the sentence touches the clause: "有什么问题,随时打" tells across its comma,
     * while in "您那边有没有什么限制,我好给您想办法" only the second clause tells and the first still asks.
     */
    public boolean tells(String sentence, String clause) {
        int from = sentence.indexOf(clause);
        if (from < 0) {
            return tells(sentence);
        }
        int to = from + clause.length();
        Matcher m = signs.get(Sign.TELLING).matcher(sentence);
        while (m.find()) {
            if (m.start() < to && m.end() > from) {
                return true;
            }
        }
        return false;
    }

    /** True when a question-marked clause only echoes a word of the customer's ("加微信?"). */
    public boolean echoes(String clause) {
        return clause.length() <= echo && !questionWords(clause) && !asks(clause) && kindsOf(clause).isEmpty();
    }

    /** True when the clause asks the customer for something even without a question word. */
    public boolean asks(String clause) {
        return has(Sign.ASKING, clause);
    }

    /**
     * True when the question only greets, checks the line, cares or closes the call, or asks for consent without
     * asking for anything ("给您换到1206,可以吗?"; "麻烦报一下房号好吗?" still asks for the room).
     */
    public boolean onlyChecks(String clause) {
        return has(Sign.NOT_ASKING, clause)
                || (has(Sign.CONSENT, clause) && !asks(clause) && kindsOf(clause).isEmpty());
    }

    /** True when the question asks about the company's side, which no caller can know. */
    public boolean theirSide(String clause) {
        return has(Sign.THEIR_SIDE, clause) || unknowable(clause);
    }

    /** True when the question asks what no caller knows even if a fact's pattern matches it ("师傅工号多少?"). */
    public boolean unknowable(String clause) {
        return has(Sign.UNKNOWABLE, clause);
    }

    /** True when the question asks whether the customer knows or remembers something. */
    public boolean asksWhetherKnown(String clause) {
        return has(Sign.KNOWS, clause);
    }

    /** True when the question asks what the customer remembers of their own story ("您还记得是哪天提的吗"). */
    public boolean recalls(String clause) {
        return has(Sign.RECALLS, clause);
    }

    /** True when the question goes on about what the question before it asked ("上面写的是几晚?"). */
    public boolean followsUp(String clause) {
        return has(Sign.FOLLOW_UP, clause);
    }

    /**
     * True when a question that matches no fact asks something the customer does not know: it asks a definite
     * kind of thing, or something on the company's side, and is neither a check, a request for the story nor a
     * question about what the customer wants; or it asks whether the customer knows something ("您清楚张师傅今天
     * 上午被派到哪去了吗").
     */
    public boolean mayNotKnow(String clause) {
        return theirSide(clause) || (!kindsOf(clause).isEmpty() && !onlyChecks(clause)
                && !has(Sign.STORY, clause) && !has(Sign.WISHES, clause))
                || (asksWhetherKnown(clause) && !recalls(clause) && !onlyChecks(clause));
    }

    /** True when the question asks for the customer's story or what they want, which only they can tell. */
    public boolean asksTheirOwn(String clause) {
        return has(Sign.STORY, clause) || has(Sign.WISHES, clause);
    }

    /** The things the question asks for by name ("什么套餐", "叫什么名字"): the file's group {@code thing}. */
    public List<String> thingsAsked(String clause) {
        List<String> out = new ArrayList<>();
        Matcher m = signs.get(Sign.THING).matcher(clause);
        while (m.find()) {
            out.add(m.group("thing"));
        }
        return out;
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

    /** True when the line tells the customer something was done or arranged for them ("退款申请提交了"). */
    public boolean reportsDone(String normalised) {
        return has(Sign.DONE, normalised);
    }

    /** True when the line gives the customer the trainee's own WeChat or phone number. */
    public boolean givesContact(String normalised) {
        return has(Sign.CONTACT, normalised);
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
        static final Hearing HEARING = ShippedVocabulary.parse(RESOURCE, Hearing::parse);
    }
}
