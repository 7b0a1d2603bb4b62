package org.coachbot.team;

import org.coachbot.roleplay.engine.Session;
import org.coachbot.roleplay.scenario.Scenario;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.coachbot.roleplay.scoring.Scorecard;
import org.coachbot.roleplay.view.DrillView;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a finished session means for the team: the dimensions that come back as drills, the assignments it
 * completes, and a certificate when it passed the last scenario of a level. Messages it causes (a certificate)
 * are recorded here and sent by the {@link Scheduler}, which it wakes.
 */
public final class PracticeRecorder implements ObservedSessionStore.Listener {
    private final People people;
    private final Assignments assignments;
    private final TrainingLog log;
    private final Supplier<ScenarioBook> books;
    private final TeamSettings settings;
    private final Runnable wake;

    /** @param wake asks the scheduler to send what this recorded soon, e.g. {@code scheduler::poke} */
    public PracticeRecorder(People people, Assignments assignments, TrainingLog log, Supplier<ScenarioBook> books,
                            TeamSettings settings, Runnable wake) {
        this.people = people;
        this.assignments = assignments;
        this.log = log;
        this.books = books;
        this.settings = settings;
        this.wake = wake;
    }

    @Override
    public void finished(Session session, Scorecard card, Instant endedAt) {
        long user = session.userId();
        if (session.drill().active()) {
            String dimension = session.drill().dimension();
            int score = DrillView.score(card, dimension);
            review(user, dimension, score, endedAt);
            assignments.complete(user, Target.dimension(dimension), endedAt, score);
            return;
        }
        card.dimensions().forEach(d -> review(user, d.id(), d.score(), endedAt));
        assignments.complete(user, Target.scenario(session.scenarioId()), endedAt, card.total());
        if (card.total() < settings.passMark()) {
            return;
        }
        Optional<Certificate> earned = books.get().scenario(session.scenarioId())
                .flatMap(s -> certificate(user, s.difficulty(), endedAt));
        if (earned.isPresent() && log.addCertificate(earned.get())) {
            wake.run();
        }
    }

    private void review(long user, String dimension, int score, Instant at) {
        Optional<Review> current = log.reviews(user).stream().filter(r -> r.dimension().equals(dimension))
                .findFirst();
        ZoneId zone = people.find(user).map(p -> p.zoneOr(settings.zone())).orElse(settings.zone());
        Optional<Review> next = Repetition.after(current, user, dimension, score, settings.passMark(), at, zone);
        if (next.isPresent()) {
            log.saveReview(next.get());
        } else if (current.isPresent()) {
            log.clearReview(user, dimension);
        }
    }

    /** A certificate of the level when every scenario of it has a best score at or above the pass mark. */
    private Optional<Certificate> certificate(long user, int level, Instant at) {
        List<Scenario> ofLevel = books.get().scenarios().stream().filter(s -> s.difficulty() == level).toList();
        Map<String, Integer> best = log.bestScores(user);
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Scenario s : ofLevel) {
            Integer score = best.get(s.id());
            if (score == null || score < settings.passMark()) {
                return Optional.empty();
            }
            scores.put(s.id(), score);
        }
        return ofLevel.isEmpty() ? Optional.empty() : Optional.of(new Certificate(user, level, at, scores, null));
    }
}
