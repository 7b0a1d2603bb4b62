package org.coachbot.roleplay.scenario;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rubric rule that recognises one move in a trainee line and moves one dimension's score.
 *
 * @param patterns      compiled against normalised text (see {@link TextNormalizer}), matched with {@code find}
 * @param maxHits       how many lines that match count towards the score
 * @param firstTurnOnly only the trainee's first line is checked, e.g. for the greeting
 * @param better        bad detectors: the better phrasing from the training material; empty for good ones
 * @param section       knowledge section id the advice comes from; may be empty for good detectors
 * @param examples      phrases with the move's meaning: a clause close enough to one counts as the move
 * @param breach        a bad move that breaks company policy (a private WeChat given, a promise the fact sheet rules
 *                      out): the call fails whatever else was said
 */
public record Detector(String id, String dimension, MoveKind move, int points, int maxHits, List<Pattern> patterns,
                       boolean firstTurnOnly, String advice, String better, String section, List<String> examples,
                       boolean breach) {
    public Detector {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(dimension, "dimension must not be null");
        Objects.requireNonNull(move, "move must not be null");
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        advice = advice == null ? "" : advice;
        better = better == null ? "" : better;
        section = section == null ? "" : section;
        if (points < 0 || points > 100) {
            throw new IllegalArgumentException("points must be within 0..100: " + id);
        }
        if (maxHits < 1) {
            throw new IllegalArgumentException("maxHits must be >= 1: " + id);
        }
        if (breach && !move.bad()) {
            throw new IllegalArgumentException("only a bad move can breach policy: " + id);
        }
        if (patterns.isEmpty() && examples.isEmpty()) {
            throw new IllegalArgumentException("a detector needs patterns or examples: " + id);
        }
    }

    public Polarity polarity() {
        return move.polarity();
    }

    /** True when one of the patterns occurs in the already normalised line. */
    public boolean matches(String normalisedLine) {
        for (Pattern p : patterns) {
            if (p.matcher(normalisedLine).find()) {
                return true;
            }
        }
        return false;
    }
}
