package org.coachbot.roleplay.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the customer hears a line beyond the rubric's moves, from {@code rubric.yaml}'s {@code language} block: what
 * makes it a question, a time or a name worth repeating back, a negation that cancels a remedy, a goodbye, filler.
 *
 * @param wallChars a line longer than this is a wall of text nobody says on the phone
 */
public record Language(Pattern question, Pattern time, Pattern name, Pattern negation, Pattern refusal,
                       Pattern farewell, Set<String> filler, int wallChars) {
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    public Language {
        Objects.requireNonNull(question, "question must not be null");
        Objects.requireNonNull(time, "time must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(negation, "negation must not be null");
        Objects.requireNonNull(refusal, "refusal must not be null");
        Objects.requireNonNull(farewell, "farewell must not be null");
        filler = Set.copyOf(filler.stream().map(Language::bare).toList());
        if (wallChars < 20) {
            throw new IllegalArgumentException("wallChars must be >= 20");
        }
    }

    public boolean isQuestion(String normalised) {
        return question.matcher(normalised).find();
    }

    /** The first time the line names ("十分钟", "下午四点前"), to repeat back. */
    public Optional<String> time(String normalised) {
        Matcher m = time.matcher(normalised);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The name the agent gave ("小王", "工号1024"): the pattern's first group. */
    public Optional<String> name(String normalised) {
        Matcher m = name.matcher(normalised);
        return m.find() && m.groupCount() >= 1 && m.group(1) != null ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean negated(String clause) {
        return negation.matcher(clause).find();
    }

    /** The clause says something cannot be done, so what it names is not promised. */
    public boolean refused(String clause) {
        return refusal.matcher(clause).find();
    }

    public boolean farewell(String normalised) {
        return farewell.matcher(normalised).find();
    }

    /** "好的。" "嗯嗯" "OK!" with nothing behind them. */
    public boolean filler(String normalised) {
        return filler.contains(bare(normalised));
    }

    /** What kind of off-script input the line is, if any; questions are decided later, against the fact sheet. */
    public Optional<OffScript> offScript(String normalised) {
        int latin = 0;
        int han = 0;
        int other = 0;
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (Character.isLetter(c) && c < 0x250) {
                latin++;
            } else if (Character.isLetterOrDigit(c)) {
                other++;
            }
        }
        if (latin + han + other == 0) {
            return Optional.of(OffScript.EMOJI);
        }
        if (han == 0 && latin >= 3 && !filler(normalised)) {
            return Optional.of(OffScript.ENGLISH);
        }
        if (normalised.length() > wallChars) {
            return Optional.of(OffScript.WALL);
        }
        if (filler(normalised)) {
            return Optional.of(OffScript.FILLER);
        }
        return Optional.empty();
    }

    private static String bare(String text) {
        return PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Patterns must compile like the rubric's: on normalised text, case-insensitive. */
    static List<String> keys() {
        return List.of("question", "time", "name", "negation", "refusal", "farewell", "filler", "wall_chars");
    }
}
