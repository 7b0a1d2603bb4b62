package org.coachbot.team;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the team feature reads from the finished sessions, and what it keeps of its own about them: the dimensions
 * coming back as drills and the certificates.
 */
public interface TrainingLog {

    /** Per trainee who finished any session: counts, averages and the latest session. */
    List<TraineeStats> stats(Instant weekAgo, Instant monthAgo);

    /**
     * The trainee's average per dimension since {@code since}: full sessions, and drills for the dimension they
     * trained.
     */
    Map<String, Double> averages(long userId, Instant since);

    /** The trainee's best total per scenario over their full sessions. */
    Map<String, Integer> bestScores(long userId);

    /** Scenario ids of the trainee's latest sessions, drills included, newest first. */
    List<String> recentScenarios(long userId, int limit);

    /**
     * Calls {@code row} for every finished session, oldest first, reading them one at a time from the database so
     * an export of any size needs memory for one row only.
     */
    void forEachSession(Consumer<SessionRow> row);

    /** The trainee's dimensions that come back as drills, earliest due first. */
    List<Review> reviews(long userId);

    void saveReview(Review review);

    void clearReview(long userId, String dimension);

    /** Stores a certificate unless the trainee already has one of that level; true when it was new. */
    boolean addCertificate(Certificate certificate);

    /** Every certificate, by trainee. */
    Map<Long, List<Certificate>> certificates();

    /** Certificates not sent yet, oldest first. */
    List<Certificate> unsentCertificates();

    /** Marks a certificate as sent; false when another run already did. */
    boolean claimCertificate(long userId, int level, Instant now);
}
