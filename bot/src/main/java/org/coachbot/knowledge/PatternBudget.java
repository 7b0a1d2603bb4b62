package org.coachbot.knowledge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tries a regular expression from an admin's file on lines built to make a bad one backtrack (runs of the
 * characters it names, of letters, digits, spaces and Chinese, with and without a stray last character), each
 * within a budget of work: how many characters the regex engine may read for one line. A pattern such as
 * {@code (.*?,?)*?z} needs exponential work on them and would hang the thread that matches a trainee's line; it is
 * refused when the file is loaded instead.
 *
 * <p>The budget counts characters read rather than milliseconds: the first matches after start run interpreted
 * and ten times slower, and a clock would then refuse the shipped rubric on a busy machine, while the count is the
 * same on every machine and every run.
 */
public final class PatternBudget {
    /** Exponential backtracking shows on a few dozen characters already. */
    static final int SHORT_CHARS = 48;
    /**
     * Long probe lines: cubic and worse patterns show at this length, while the quadratic ones a rubric needs
     * ({@code [0-9]+} followed by a unit, {@code .*客服}) still check in a fraction of a millisecond.
     */
    public static final int LINE_CHARS = 256;
    /**
     * Characters the engine may read for one probe line: ten times what the hungriest shipped pattern needs (the
     * rubric's time pattern, 393,209 on 255 digits), and used up by a runaway pattern within about 50 ms.
     */
    public static final long DEFAULT_READS = 4_000_000;
    /** The longest line a pattern must handle without overflowing the stack: Telegram's message limit. */
    public static final int DEEP_CHARS = 4096;
    /**
     * Stack of the thread that tries the deep lines: half the JVM's default of 1 MB, so a pattern that fits
     * here fits on any thread that handles a chat.
     */
    static final long DEEP_STACK_BYTES = 512 * 1024;
    /** Reads per deep line; enough for a linear pattern, and speed is judged by the shorter lines anyway. */
    static final long DEEP_READS = 200_000;
    /** Only a repeated group makes the engine recurse per repetition; classes and single atoms loop flat. */
    private static final Pattern REPEATED_GROUP = Pattern.compile("\\)(?:[*+]|\\{\\d+,)");
    /** Checked patterns remembered, so a reload re-checks only the patterns that changed. */
    static final int REMEMBERED = 10_000;
    /** The default budget. */
    public static final PatternBudget DEFAULT = new PatternBudget(DEFAULT_READS);
    /** Characters tried for every pattern: letters, digits, space, Chinese and the punctuation agents type. */
    private static final String COMMON = "a1 中,。";
    private static final String META = "\\^$.|?*+()[]{}-";
    /** Characters of the pattern itself tried; the first few name what its repetitions run over. */
    private static final int LITERALS = 6;
    /** Ends a probe line with a character no pattern expects, so an anchored one must fail after all its work. */
    private static final String STRAY = "\u0001";

    private final long reads;
    private final Cache<String, Optional<Failure>> checked = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

    /** Why a pattern was refused, and on how long a line. */
    public record Failure(Kind kind, int lineChars) {
        /** What went wrong. */
        public enum Kind {
            /** The line needed more work than the budget allows. */
            TOO_SLOW,
            /** Java's regex engine recursed too deep (it recurses per repetition of a group). */
            TOO_DEEP
        }
    }

    /** @param reads characters the regex engine may read for one probe line */
    public PatternBudget(long reads) {
        if (reads < 1) {
            throw new IllegalArgumentException("reads must be >= 1: " + reads);
        }
        this.reads = reads;
    }

    /** Empty when {@code pattern} handled every probe line within the budget; else the first failure. */
    public Optional<Failure> check(Pattern pattern) {
        return checked.get(pattern.flags() + ":" + pattern.pattern(), key -> tryOn(pattern));
    }

    private Optional<Failure> tryOn(Pattern pattern) {
        for (String probe : probes(pattern.pattern())) {
            try {
                pattern.matcher(new Counted(probe, new long[]{reads})).find();
            } catch (OutOfBudget e) {
                return Optional.of(new Failure(Failure.Kind.TOO_SLOW, probe.length()));
            } catch (StackOverflowError e) {
                return Optional.of(new Failure(Failure.Kind.TOO_DEEP, probe.length()));
            }
        }
        return REPEATED_GROUP.matcher(pattern.pattern()).find() ? deep(pattern) : Optional.empty();
    }

    /**
     * Java's engine recurses once per repetition of a group such as {@code (您|你)*}, so a long line can overflow
     * the stack of the thread matching it; the deep lines are tried on a thread with a small stack to find out.
     */
    private static Optional<Failure> deep(Pattern pattern) {
        List<Optional<Failure>> out = new ArrayList<>(List.of(Optional.empty()));
        Thread thread = new Thread(null, () -> {
            for (char c : alphabet(pattern.pattern())) {
                String probe = String.valueOf(c).repeat(DEEP_CHARS - 1) + STRAY;
                try {
                    pattern.matcher(new Counted(probe, new long[]{DEEP_READS})).find();
                } catch (OutOfBudget e) {
                    // Too slow to reach the end: the shorter lines judge speed, this one only depth.
                } catch (StackOverflowError e) {
                    out.set(0, Optional.of(new Failure(Failure.Kind.TOO_DEEP, DEEP_CHARS)));
                    return;
                }
            }
        }, "pattern-check", DEEP_STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.get(0);
    }

    /** The most characters the engine read for one probe line of {@code pattern}, for measuring patterns. */
    long mostReads(Pattern pattern) {
        long most = 0;
        for (String probe : probes(pattern.pattern())) {
            long[] left = {Long.MAX_VALUE};
            pattern.matcher(new Counted(probe, left)).find();
            most = Math.max(most, Long.MAX_VALUE - left[0]);
        }
        return most;
    }

    /** How many characters the engine may read for one line. */
    public long reads() {
        return reads;
    }

    /** The pattern's first few characters, then the common ones. */
    private static Set<Character> alphabet(String regex) {
        Set<Character> alphabet = new LinkedHashSet<>();
        for (char c : regex.toCharArray()) {
            if (META.indexOf(c) < 0 && alphabet.size() < LITERALS) {
                alphabet.add(c);
            }
        }
        COMMON.chars().forEach(c -> alphabet.add((char) c));
        return alphabet;
    }

    static List<String> probes(String regex) {
        Set<Character> alphabet = alphabet(regex);
        StringBuilder run = new StringBuilder();
        alphabet.forEach(run::append);
        List<String> out = new ArrayList<>();
        for (char c : alphabet) {
            String one = String.valueOf(c);
            out.add(one.repeat(SHORT_CHARS));
            out.add(one.repeat(SHORT_CHARS - 1) + STRAY);
        }
        out.add(repeat(run.toString(), SHORT_CHARS));
        // Long lines only from the common characters and the run: one quadratic pattern costs a million reads each.
        COMMON.chars().forEach(c -> out.add(String.valueOf((char) c).repeat(LINE_CHARS - 1) + STRAY));
        out.add(repeat(run.toString(), LINE_CHARS - 1) + STRAY);
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

    /** Thrown from inside the matcher when a probe line used up its budget. */
    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    /** A line that counts the characters the regex engine reads and throws once the budget is used up. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final long[] left;

        Counted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new OutOfBudget();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
