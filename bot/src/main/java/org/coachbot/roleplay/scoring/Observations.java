package org.coachbot.roleplay.scoring;

import org.coachbot.roleplay.engine.DetectedMove;
import org.coachbot.roleplay.scenario.TextNormalizer;
import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.Dimension;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text half of the scorecard: every offending line quoted once with a better line for that offence, moves
 * never made, and lines that went well, each praised only for what it plainly says.
 */
final class Observations {
    static final int MIN_OBSERVATIONS = 2;
    /** Moves never made are named until the list is this long; offending lines are all quoted regardless. */
    static final int MAX_OBSERVATIONS = 5;
    static final int MAX_STRENGTHS = 5;
    /** Good moves a call needs, in the order the debrief names them when missing. */
    private static final List<List<MoveKind>> ESSENTIAL = List.of(List.of(MoveKind.EMPATHY, MoveKind.APOLOGY),
            List.of(MoveKind.GOOD_QUESTION, MoveKind.OPEN_QUESTION), List.of(MoveKind.PROMISE),
            List.of(MoveKind.GREETING));
    private final Rubric rubric;
    private final List<DetectedMove> heard;
    private final List<DetectedMove> counted;
    private final boolean closeExpected;
    /** The call was held down for want of any warmth: said first among what was missing. */
    private final boolean cold;

    /**
     * @param heard   every move that counts, bad ones included
     * @param counted the moves scored: courtesy in an offending line left out
     */
    Observations(Rubric rubric, List<DetectedMove> heard, List<DetectedMove> counted, boolean closeExpected,
                 boolean cold) {
        this.rubric = rubric;
        this.heard = heard;
        this.counted = counted;
        this.closeExpected = closeExpected;
        this.cold = cold;
    }

    List<Scorecard.Observation> toImprove() {
        List<Scorecard.Observation> out = new ArrayList<>();
        Map<Integer, Detector> worst = new LinkedHashMap<>();
        Map<Integer, String> quotes = new HashMap<>();
        for (DetectedMove m : heard) {
            if (m.kind().bad()) {
                rubric.detector(m.detector()).ifPresent(d -> {
                    quotes.putIfAbsent(m.turn(), m.quote());
                    worst.merge(m.turn(), d, Observations::worse);
                });
            }
        }
        worst.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Integer, Detector> e) -> !e.getValue().breach())
                        .thenComparingInt(e -> -e.getValue().points()).thenComparingInt(Map.Entry::getKey))
                .forEach(e -> out.add(new Scorecard.Observation(dimensionName(e.getValue()), quotes.get(e.getKey()),
                        better(e.getValue(), quotes.get(e.getKey())), e.getValue().advice(),
                        e.getValue().section())));
        if (cold && out.size() < MAX_OBSERVATIONS) {
            Rubric.Scoring scoring = rubric.scoring();
            String courtesy = rubric.dimension("courtesy").map(Dimension::name).orElse("courtesy");
            out.add(new Scorecard.Observation(courtesy, "", "", scoring.coldAdvice(), scoring.coldSection()));
        }
        List<List<MoveKind>> needed = new ArrayList<>(ESSENTIAL);
        if (closeExpected) {
            needed.add(1, List.of(MoveKind.CLOSING));
        }
        for (List<MoveKind> any : needed) {
            if (out.size() >= MAX_OBSERVATIONS || (out.size() >= MIN_OBSERVATIONS && any.size() == 1
                    && any.get(0) == MoveKind.GREETING)) {
                break;
            }
            if (counted.stream().noneMatch(m -> any.contains(m.kind()))) {
                rubric.detectorsFor(any.get(0)).stream().findFirst().ifPresent(d -> out.add(
                        new Scorecard.Observation(dimensionName(d), "", "", d.advice(), d.section())));
            }
        }
        return out;
    }

    /** A breach of policy outranks any other offence of its line; otherwise the costlier one is quoted. */
    private static Detector worse(Detector a, Detector b) {
        if (a.breach() != b.breach()) {
            return a.breach() ? a : b;
        }
        return b.points() > a.points() ? b : a;
    }

    /**
     * The line to say instead: a goodbye said badly is answered with a closing line, not with the offence's
     * generic repair ("非常理解您的心情,我马上为您处理" is no way to end a call).
     */
    private String better(Detector offence, String quote) {
        if (!offence.breach() && rubric.language().farewell(TextNormalizer.normalize(quote))) {
            String closing = rubric.detectorsFor(MoveKind.CLOSING).stream().map(Detector::better)
                    .filter(b -> !b.isEmpty()).findFirst().orElse("");
            if (!closing.isEmpty()) {
                return closing;
            }
        }
        return offence.better();
    }

    /**
     * One entry per line that showed good moves without offending, each move kind praised once, and only for a
     * move the line says in so many words: a line that merely resembles an apology is not praised as one.
     */
    List<Scorecard.Strength> strengths(Set<Integer> offending) {
        List<Scorecard.Strength> out = new ArrayList<>();
        Set<MoveKind> praised = EnumSet.noneOf(MoveKind.class);
        Map<Integer, List<DetectedMove>> byTurn = new LinkedHashMap<>();
        counted.stream().filter(m -> !m.kind().bad() && !offending.contains(m.turn())).filter(this::plain)
                .forEach(m -> byTurn.computeIfAbsent(m.turn(), k -> new ArrayList<>()).add(m));
        for (List<DetectedMove> line : byTurn.values()) {
            List<MoveKind> fresh = line.stream().map(DetectedMove::kind).distinct().filter(praised::add)
                    .toList();
            if (fresh.isEmpty() || out.size() >= MAX_STRENGTHS) {
                continue;
            }
            String advice = rubric.detectorsFor(fresh.get(0)).stream().findFirst().map(Detector::advice)
                    .orElse("");
            out.add(new Scorecard.Strength(fresh, advice, line.get(0).quote()));
        }
        return out;
    }

    private boolean plain(DetectedMove m) {
        String line = TextNormalizer.normalize(m.quote());
        return rubric.detectorsFor(m.kind()).stream().anyMatch(d -> d.matches(line));
    }

    private String dimensionName(Detector d) {
        return rubric.dimension(d.dimension()).map(Dimension::name).orElse(d.dimension());
    }
}
