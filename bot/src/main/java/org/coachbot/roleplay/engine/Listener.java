package org.coachbot.roleplay.engine;

import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Hearing;
import org.coachbot.roleplay.scenario.Language;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.OffScript;
import org.coachbot.roleplay.scenario.RemedyBeat;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.TextNormalizer;
import org.coachbot.roleplay.scenario.Tone;

import java.util.ArrayList;
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
 * facts it asks about and what it asks that the customer cannot know, an over-promise of what cannot be done,
 * whether it is off-script at all, and what the customer will remember of it: a time the agent commits to, a
 * refusal, a private contact given.
 */
public final class Listener {
    /** Four times the rubric's wall of text: far more than a call line, little enough for any pattern. */
    static final int MAX_HEARD_CHARS = 600;
    private final Meaning meaning;
    private final FactFinder facts;
    private final Hearing hearing;
    private final Tone tone;
    private final ToneListener tones;

    public Listener(Meaning meaning) {
        this(meaning, Hearing.shipped());
    }

    public Listener(Meaning meaning, Hearing hearing) {
        this(meaning, hearing, Tone.shipped());
    }

    /** @param tone how the customer hears a goodbye and an offence the rubric did not count */
    public Listener(Meaning meaning, Hearing hearing, Tone tone) {
        this.meaning = Objects.requireNonNull(meaning, "meaning must not be null");
        this.hearing = Objects.requireNonNull(hearing, "hearing must not be null");
        this.tone = Objects.requireNonNull(tone, "tone must not be null");
        this.facts = new FactFinder(meaning, hearing);
        this.tones = new ToneListener(meaning, tone);
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
        // What the fact sheet rules out is a breach of policy, not only a promise too many.
        Optional<Detector> breach = rubric.breachDetector();
        boolean breachHeard = moves.stream().anyMatch(m -> rubric.detector(m.detector()).filter(Detector::breach)
                .isPresent());
        if (overPromise && breach.isPresent() && !breachHeard) {
            Detector d = breach.get();
            moves.removeIf(m -> m.kind() == MoveKind.OVER_PROMISE);
            moves.add(new DetectedMove(d.move(), d.polarity(), d.id(), d.dimension(), line.strip(), turn));
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
        FactFinder.Asked asked = facts.read(scenario, rubric.thresholds().facts(), normalised);
        // The agent's own times and names come from what the agent states, never from a question it asks.
        String stated = statements(normalised);
        boolean farewell = language.farewell(normalised) || tone.goodbye(normalised);
        // The tone is heard in what the line states: a question is heard as a question, whatever its words.
        ToneListener.Heard heardTone = offScript.isPresent() || farewell ? ToneListener.Heard.NOTHING
                : tones.hear(rubric, normalised, Clauses.of(stated));
        return new Heard(line.strip(), moves, beats, asked.facts(), asked.unknown(), stated.isBlank(), offScript,
                promisedTime(language, stated), language.name(stated), farewell,
                hearing.givesContact(stated), refusal(scenario, language, moves, stated),
                plainOffence(rubric, moves, normalised, overPromise), edge(rubric, clauses),
                heardTone.takenAmiss(), heardTone.written(), heardTone.calm());
    }

    /** The highest probability the move classifier gives any offence in any clause of the line. */
    private double edge(Rubric rubric, List<String> clauses) {
        double[][] likely = meaning.moves(rubric, clauses);
        double out = 0;
        for (double[] clause : likely) {
            for (MoveKind k : MoveKind.values()) {
                if (k.bad()) {
                    out = Math.max(out, clause[k.ordinal()]);
                }
            }
        }
        return out;
    }

    /**
     * The time the agent commits to: the last one the line states, passing over how long something has already
     * taken ("压了两天", "已经三天") and times before it ("后天就要报到,今天下午六点前送到").
     */
    static Optional<String> promisedTime(Language language, String stated) {
        Matcher m = language.time().matcher(stated);
        String last = null;
        while (m.find()) {
            String before = stated.substring(Math.max(0, m.start() - 2), m.start());
            if (!before.endsWith("了") && !before.contains("已经") && !before.endsWith("已")) {
                last = m.group();
            }
        }
        return Optional.ofNullable(last);
    }

    /** The clauses of the line that state rather than ask, joined. */
    private String statements(String normalised) {
        StringBuilder out = new StringBuilder();
        for (FactFinder.Piece p : FactFinder.pieces(normalised)) {
            if (!facts.asks(p)) {
                out.append(p.text()).append(',');
            }
        }
        return out.toString();
    }

    /**
     * The clause that says no: a negative move, or a clause that declines what the fact sheet rules out
     * ("现金补偿我们这边没有").
     */
    private static Optional<String> refusal(Scenario scenario, Language language, List<DetectedMove> moves,
                                            String stated) {
        List<String> clauses = Clauses.of(stated);
        for (String clause : clauses) {
            boolean declines = language.refused(clause) && scenario.cannotPromise().stream()
                    .flatMap(p -> p.patterns().stream()).anyMatch(p -> p.matcher(clause).find());
            if (declines) {
                return Optional.of(clause);
            }
        }
        if (moves.stream().anyMatch(m -> m.kind() == MoveKind.NEGATIVE_LANGUAGE)) {
            return clauses.stream().filter(language::negated).findFirst().or(() -> clauses.stream().findFirst());
        }
        return Optional.empty();
    }

    /** True when a bad move of the line is written out in its detector's patterns, or promises the impossible. */
    private static boolean plainOffence(Rubric rubric, List<DetectedMove> moves, String normalised,
                                        boolean overPromise) {
        if (overPromise) {
            return true;
        }
        return moves.stream().filter(m -> m.kind().bad()).anyMatch(m -> rubric.detectors().stream()
                .anyMatch(d -> d.id().equals(m.detector()) && d.matches(normalised)));
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
}
