package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Fact;
import org.coachbot.roleplay.scenario.Language;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hears a trainee line the way the scenario's customer would: the rubric's moves, the remedy beats it offers, the
 * fact it asks about, an over-promise of what cannot be done, and whether it is off-script at all.
 */
public final class Listener {
    /** Four times the rubric's wall of text: far more than a call line, little enough for any pattern. */
    static final int MAX_HEARD_CHARS = 600;
    private final Meaning meaning;

    public Listener(Meaning meaning) {
        this.meaning = Objects.requireNonNull(meaning, "meaning must not be null");
    }

    public Heard hear(Scenario scenario, Rubric rubric, String line, int turn) {
        String normalised = heardPart(TextNormalizer.normalize(line),
                Math.max(MAX_HEARD_CHARS, 2 * rubric.language().wallChars()));
        List<String> clauses = Clauses.of(normalised);
        Language language = rubric.language();
        List<DetectedMove> moves = new ArrayList<>(
                new MoveDetector(rubric, meaning).detect(line, normalised, clauses, turn));
        boolean overPromise = scenario.cannotPromise().stream().flatMap(p -> p.patterns().stream())
                .anyMatch(p -> affirmed(p, normalised, language::refused));
        if (overPromise && moves.stream().noneMatch(m -> m.kind() == MoveKind.OVER_PROMISE)) {
            rubric.detectorsFor(MoveKind.OVER_PROMISE).stream().findFirst().ifPresent(d -> moves.add(
                    new DetectedMove(d.move(), d.polarity(), d.id(), d.dimension(), line.strip(), turn)));
        }
        // A clause that refuses the step offers nothing, and neither does one that promises what cannot be done:
        // "我保证您马上就有热水" names no room and no engineer.
        Predicate<String> offersNothing = c -> language.negated(c) || promisesTheImpossible(
                scenario, c, language);
        List<String> affirmative = clauses.stream().filter(offersNothing.negate()).toList();
        Set<String> beats = new LinkedHashSet<>();
        for (RemedyBeat beat : scenario.remedy()) {
            boolean byPattern = beat.patterns().stream().anyMatch(p -> affirmed(p, normalised, offersNothing));
            if (byPattern || (!beat.examples().isEmpty()
                    && meaning.closeness(affirmative, beat.examples()) >= rubric.thresholds().remedy())) {
                beats.add(beat.id());
            }
        }
        Optional<OffScript> offScript = language.offScript(normalised);
        if (offScript.filter(k -> k == OffScript.WALL).isPresent()) {
            // Nobody takes in a remedy read out in a paragraph; the customer asks for the point instead.
            beats.clear();
        }
        boolean question = language.isQuestion(normalised);
        Optional<Fact> fact = question ? fact(scenario, rubric, normalised, clauses) : Optional.empty();
        return new Heard(line.strip(), moves, beats, fact, offScript, question,
                language.time(normalised), language.name(normalised), language.farewell(normalised));
    }

    private static boolean promisesTheImpossible(Scenario scenario, String clause, Language language) {
        return !language.refused(clause) && scenario.cannotPromise().stream().flatMap(p -> p.patterns().stream())
                .anyMatch(p -> p.matcher(clause).find());
    }

    /**
     * The part of a line the customer takes in: a paragraph is cut, since nobody listens to a page read out on the
     * phone, and every rubric and scenario pattern then runs on a bounded text (a pattern that is slow in the
     * length of its input stays fast).
     */
    static String heardPart(String normalised, int limit) {
        return normalised.length() <= limit ? normalised : normalised.substring(0, limit);
    }

    /**
     * True when the pattern occurs in the line and no clause the occurrence touches is negated: a remedy may span
     * clauses ("剩下的话费,七个工作日内退回"), while "没法给您换房" offers nothing.
     */
    static boolean affirmed(Pattern pattern, String normalised, Predicate<String> denied) {
        Matcher m = pattern.matcher(normalised);
        while (m.find()) {
            int start = clauseStart(normalised, m.start());
            int end = clauseEnd(normalised, m.end());
            if (!denied.test(normalised.substring(start, end))) {
                return true;
            }
        }
        return false;
    }

    private static int clauseStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if (Clauses.isBoundary(text.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int clauseEnd(String text, int from) {
        for (int i = Math.max(from, 0); i < text.length(); i++) {
            if (Clauses.isBoundary(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    /** The fact the question is about: a pattern hit, else the closest in meaning above the threshold. */
    private Optional<Fact> fact(Scenario scenario, Rubric rubric, String normalised, List<String> clauses) {
        Optional<Fact> byPattern = scenario.facts().stream().filter(f -> f.matches(normalised)).findFirst();
        if (byPattern.isPresent()) {
            return byPattern;
        }
        record Scored(Fact fact, double closeness) {
        }
        return scenario.facts().stream()
                .map(f -> new Scored(f, meaning.closeness(clauses, f.ask())))
                .filter(s -> s.closeness() >= rubric.thresholds().facts())
                .max(Comparator.comparingDouble(Scored::closeness))
                .map(Scored::fact);
    }
}
