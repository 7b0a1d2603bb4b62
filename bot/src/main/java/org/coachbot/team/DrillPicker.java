package org.coachbot.team;

import org.coachbot.roleplay.scenario.Detector;
import org.coachbot.roleplay.scenario.MoveKind;
import org.coachbot.roleplay.scenario.Rubric;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Chooses what a drill trains and which scenario it is played in. */
final class DrillPicker {
    /** Scenarios that train a dimension best, among which the one the trainee played least recently is taken. */
    static final int CANDIDATES = 3;
    /** Sessions looked back on to avoid the scenario the trainee just played. */
    static final int LOOK_BACK = 10;
    static final Duration WINDOW = Duration.ofDays(30);
    private final TrainingLog log;
    private final Clock clock;

    DrillPicker(TrainingLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * The dimension the trainee should drill now: the review due longest, else the weakest dimension of the last
     * 30 days; empty for a trainee with no scores yet.
     */
    Optional<String> dimensionFor(long userId, Rubric rubric) {
        Optional<String> due = log.reviews(userId).stream().filter(r -> r.due(clock.instant()))
                .filter(r -> rubric.dimension(r.dimension()).isPresent())
                .min(Comparator.comparing(Review::dueAt)).map(Review::dimension);
        if (due.isPresent()) {
            return due;
        }
        Map<String, Double> averages = log.averages(userId, clock.instant().minus(WINDOW));
        return averages.entrySet().stream().filter(e -> rubric.dimension(e.getKey()).isPresent())
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** A scenario that trains the dimension, preferring one the trainee has not played lately. */
    Optional<Scenario> scenarioFor(String dimension, long userId, ScenarioBook book) {
        Optional<Rubric> rubric = book.rubric();
        if (rubric.isEmpty() || book.scenarios().isEmpty()) {
            return Optional.empty();
        }
        Comparator<Scenario> byRelevance = Comparator.comparingInt((Scenario s) -> -relevance(s, rubric.get(),
                dimension)).thenComparing(Scenario::id);
        List<Scenario> best = book.scenarios().stream().sorted(byRelevance).limit(CANDIDATES).toList();
        List<String> recent = log.recentScenarios(userId, LOOK_BACK);
        // Never played ranks as played longest ago; among equals the more relevant one wins.
        return best.stream().min(Comparator.comparingInt((Scenario s) -> {
            int at = recent.indexOf(s.id());
            return at < 0 ? -LOOK_BACK - 1 : -at;
        }).thenComparing(byRelevance));
    }

    /**
     * How much a scenario trains a dimension: two points for each knowledge section it trains that the
     * dimension's rules cite, one for each move of the dimension the customer reacts to.
     */
    static int relevance(Scenario s, Rubric rubric, String dimension) {
        List<Detector> rules = rubric.detectors().stream().filter(d -> d.dimension().equals(dimension)).toList();
        Set<String> sections = rules.stream().map(Detector::section).filter(x -> !x.isEmpty())
                .collect(Collectors.toSet());
        Set<MoveKind> moves = rules.stream().map(Detector::move).collect(Collectors.toSet());
        Set<MoveKind> reacts = new HashSet<>(s.calms().keySet());
        reacts.addAll(s.inflames().keySet());
        reacts.retainAll(moves);
        long trained = s.trains().stream().filter(sections::contains).count();
        return (int) (2 * trained + reacts.size());
    }
}
