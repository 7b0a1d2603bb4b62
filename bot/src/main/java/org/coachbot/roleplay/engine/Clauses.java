package org.coachbot.roleplay.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a normalised trainee line into what is compared by meaning: the line itself when it is short, and each
 * clause. A long line that apologises, asks and offers a remedy is then close to each example on its own.
 */
public final class Clauses {
    /** A clause shorter than this ("好", "嗯") carries no move worth comparing. */
    static final int MIN_CHARS = 2;
    /** Beyond this a whole line is no longer compared as one piece: its meaning is spread over the clauses. */
    static final int MAX_WHOLE_CHARS = 40;
    /** A wall of text is cut here: the customer stopped listening long before. */
    static final int MAX_CLAUSES = 12;
    private static final Pattern SPLIT = Pattern.compile("[,.!?;:、。…~\\n]+|\\s{2,}");

    private Clauses() {
    }

    /** True for the punctuation that ends a clause. */
    static boolean isBoundary(char c) {
        return ",.!?;:、。…~\n".indexOf(c) >= 0;
    }

    /** The clauses of a normalised line, the whole line first when it is short. */
    public static List<String> of(String normalised) {
        List<String> out = new ArrayList<>();
        String whole = normalised.strip();
        if (whole.length() >= MIN_CHARS && whole.length() <= MAX_WHOLE_CHARS) {
            out.add(whole);
        }
        for (String part : SPLIT.split(whole)) {
            String p = part.strip();
            if (p.length() >= MIN_CHARS && !out.contains(p) && out.size() < MAX_CLAUSES) {
                out.add(p);
            }
        }
        return out;
    }
}
