package org.coachbot.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Tries a regular expression from an admin's file on lines built to make a bad one backtrack (long runs of the
 * characters it names, of letters, digits, spaces and Chinese, with and without a stray last character), each
 * within a time budget. A pattern such as {@code (.*?,?)*?z} needs exponential time on them and would hang the
 * thread that matches a trainee's line; it is refused when the file is loaded instead.
 */
public final class PatternBudget {
    /** The longest line a pattern must handle: Telegram's 4,096-character message limit. */
    public static final int LINE_CHARS = 4096;
    /** Exponential backtracking shows on a few dozen characters already. */
    static final int SHORT_CHARS = 48;
    /**
     * Time one probe line may take. A sound pattern needs well under a millisecond per line even on 4,096
     * characters; one that needs 100 ms would stall every turn of every trainee who writes a long line.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(100);
    /** The budget with the system clock. */
    public static final PatternBudget DEFAULT = new PatternBudget(DEFAULT_BUDGET, System::nanoTime);
    /** Characters tried for every pattern: letters, digits, space, Chinese and the punctuation agents type. */
    private static final String COMMON = "a1 中,。";
    private static final String META = "\\^$.|?*+()[]{}-";
    /** Reads between two looks at the clock, so the check itself costs next to nothing. */
    private static final int CLOCK_EVERY = 256;

    private final long budgetNanos;
    private final LongSupplier nanoTime;

    /** Why a pattern was refused, and on how long a line. */
    public record Failure(Kind kind, int lineChars) {
        /** What went wrong. */
        public enum Kind {
            /** The line was not matched within the budget. */
            TOO_SLOW,
            /** Java's regex engine recursed too deep (it recurses per repetition of a group). */
            TOO_DEEP
        }
    }

    /**
     * @param perLine  time one probe line may take
     * @param nanoTime the clock, {@code System::nanoTime}; tests pass a fake one that advances per look
     */
    public PatternBudget(Duration perLine, LongSupplier nanoTime) {
        Objects.requireNonNull(perLine, "perLine must not be null");
        if (perLine.isNegative() || perLine.isZero()) {
            throw new IllegalArgumentException("perLine must be > 0");
        }
        this.budgetNanos = perLine.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
    }

    /** Empty when {@code pattern} handled every probe line within the budget; else the first failure. */
    public Optional<Failure> check(Pattern pattern) {
        for (String probe : probes(pattern.pattern())) {
            long deadline = nanoTime.getAsLong() + budgetNanos;
            try {
                pattern.matcher(new Deadline(probe, deadline)).find();
            } catch (OutOfTime e) {
                return Optional.of(new Failure(Failure.Kind.TOO_SLOW, probe.length()));
            } catch (StackOverflowError e) {
                return Optional.of(new Failure(Failure.Kind.TOO_DEEP, probe.length()));
            }
        }
        return Optional.empty();
    }

    /** How long the budget for one line is. */
    public Duration perLine() {
        return Duration.ofNanos(budgetNanos);
    }

    static List<String> probes(String regex) {
        Set<Character> alphabet = new LinkedHashSet<>();
        for (char c : regex.toCharArray()) {
            if (META.indexOf(c) < 0 && alphabet.size() < 8) {
                alphabet.add(c);
            }
        }
        COMMON.chars().forEach(c -> alphabet.add((char) c));
        StringBuilder run = new StringBuilder();
        alphabet.forEach(run::append);
        List<String> out = new ArrayList<>();
        for (char c : alphabet) {
            String one = String.valueOf(c);
            out.add(one.repeat(SHORT_CHARS));
            out.add(one.repeat(SHORT_CHARS - 1) + "\u0001");
            out.add(one.repeat(LINE_CHARS - 1) + "\u0001");
        }
        out.add(repeat(run.toString(), SHORT_CHARS));
        out.add(repeat(run.toString(), LINE_CHARS));
        return out;
    }

    private static String repeat(String unit, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(unit);
        }
        out.setLength(length);
        return out.toString();
    }

    /** Thrown from inside the matcher when a probe's deadline passed. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** A line that throws {@link OutOfTime} once its deadline has passed: the regex engine reads it char by char. */
    private final class Deadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads % CLOCK_EVERY == 0 && nanoTime.getAsLong() > deadline) {
                throw new OutOfTime();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
