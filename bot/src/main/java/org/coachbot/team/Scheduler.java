package org.coachbot.team;

import org.coachbot.chat.Messenger;
import org.coachbot.chat.Reply;
import org.coachbot.roleplay.scenario.ScenarioBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.AWTError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends what the team feature starts itself: new assignments, certificates and daily reminders. Each message is
 * claimed in the database before it is handed to the {@link Messenger}, so a restart at any moment never sends
 * one twice; one lost in a crash between the two is not sent again (at most once, as a reminder sent twice
 * annoys more than one missed).
 */
public final class Scheduler implements AutoCloseable {
    /** A reminder due longer ago than this (the bot was down) is skipped rather than sent at an odd hour. */
    static final Duration LATE_LIMIT = Duration.ofHours(2);
    /** A poke waits this long, so the scorecard that caused a certificate goes out first. */
    static final Duration POKE_DELAY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private final People people;
    private final Assignments assignments;
    private final TrainingLog training;
    private final Notices notices;
    private final DrillPicker picker;
    private final Messenger messenger;
    private final Clock clock;
    private final TeamSettings settings;
    private final Supplier<ScenarioBook> books;
    private ScheduledExecutorService timer;

    Scheduler(People people, Assignments assignments, TrainingLog training, Notices notices, DrillPicker picker,
              Supplier<ScenarioBook> books, Messenger messenger,
              Clock clock, TeamSettings settings) {
        this.people = people;
        this.assignments = assignments;
        this.training = training;
        this.notices = notices;
        this.picker = picker;
        this.books = books;
        this.messenger = messenger;
        this.clock = clock;
        this.settings = settings;
    }

    /** Looks for due messages every {@link TeamSettings#tick()}, starting now. */
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "team-scheduler");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::safeTick, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Asks for a look soon, e.g. after an assignment was made; does nothing before {@link #start()}. */
    public synchronized void poke() {
        if (timer != null) {
            timer.schedule(this::safeTick, POKE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends everything due now. */
    public synchronized void tick() {
        Instant now = clock.instant();
        sendAssignments(now);
        sendCertificates(now);
        sendReminders(now);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // The next tick tries again; whatever was claimed was sent or logged.
            log.error("the team scheduler failed; it tries again in {} s", settings.tick().toSeconds(), e);
        }
    }

    private void sendAssignments(Instant now) {
        for (Assignment a : assignments.unsent()) {
            if (!assignments.claimNotice(a.id(), now)) {
                continue;
            }
            // Telegram refuses a bot that writes first, so a trainee who never wrote privately is told elsewhere.
            boolean reachable = people.find(a.traineeId()).map(Person::reachable).orElse(false);
            if (reachable && deliver(a.traineeId(), notices.assignment(a), "assignment " + a.id())) {
                continue;
            }
            boolean inGroup = a.originChat() != a.traineeId() && a.originChat() != a.supervisorId();
            if (!inGroup || !deliver(a.originChat(), notices.groupNotice(a), "group notice of assignment " + a.id())) {
                deliver(a.supervisorId(), notices.unreachable(a), "note on assignment " + a.id());
            }
        }
    }

    private void sendCertificates(Instant now) {
        for (Certificate c : training.unsentCertificates()) {
            byte[] png;
            try {
                png = notices.certificateImage(c);
            } catch (RuntimeException | LinkageError | AWTError e) {
                // Left unsent: a machine without fonts can be fixed, and the next tick draws it then.
                log.warn("cannot draw the certificate of user {} (level {}); will try again", c.userId(), c.level(), e);
                continue;
            }
            if (training.claimCertificate(c.userId(), c.level(), now)) {
                deliver(c.userId(), notices.certificate(c, png), "certificate level " + c.level());
            }
        }
    }

    private void sendReminders(Instant now) {
        for (Person p : people.dueReminders(now)) {
            Optional<LocalTime> at = p.reminder();
            if (at.isEmpty()) {
                continue;
            }
            Instant due = p.nextReminder();
            Instant next = next(now, at.get(), p.zoneOr(settings.zone()));
            if (!people.claimReminder(p.id(), due, next)) {
                continue;
            }
            if (Duration.between(due, now).compareTo(LATE_LIMIT) > 0) {
                log.info("skipped the reminder of user {} due {}: the bot was not running then", p.id(), due);
                continue;
            }
            List<Review> reviews = training.reviews(p.id()).stream().filter(r -> r.due(now)).toList();
            List<Assignment> open = assignments.open(p.id());
            Optional<String> weakest = reviews.isEmpty() && open.isEmpty()
                    ? books.get().rubric().flatMap(r -> picker.dimensionFor(p.id(), r)) : Optional.empty();
            deliver(p.id(), notices.reminder(reviews, open, weakest, now), "reminder");
        }
    }

    /** The first time after {@code after} that the clock in {@code zone} shows {@code at}. */
    public static Instant next(Instant after, LocalTime at, ZoneId zone) {
        ZonedDateTime local = after.atZone(zone);
        // On the night clocks go forward a time that does not exist moves on by the gap, as a wall clock would.
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), at, zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), at, zone);
        }
        return candidate.toInstant();
    }

    private boolean deliver(long chatId, Reply reply, String what) {
        try {
            messenger.send(chatId, reply);
            return true;
        } catch (RuntimeException e) {
            log.warn("could not send the {} to chat {}: {}", what, chatId, e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
