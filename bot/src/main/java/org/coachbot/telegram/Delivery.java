package org.coachbot.telegram;

import org.coachbot.chat.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Sends one message the way Telegram accepts it: throttled, resent after a 429's {@code retry_after}, retried with
 * back-off on 5xx and network errors for as long as it takes up to a maximum age, and sent as plain text when
 * Telegram cannot parse the HTML. A send that timed out may have reached Telegram, so it is resent once and no
 * more: a hang costs at most one duplicate.
 */
final class Delivery {
    /** Back-off after a 5xx or network error: 0.5 s, doubling up to {@link #MAX_BACK_OFF_MS}. */
    static final long FIRST_BACK_OFF_MS = 500;
    /** Short enough that replies flow within seconds after Telegram is back, long enough not to hammer it. */
    static final long MAX_BACK_OFF_MS = 10_000;
    /** During a long outage every failure would be a log line; only the first and then every tenth are. */
    static final int LOG_EVERY = 10;
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final BotClient api;
    private final Throttle throttle;
    private final TimeSource time;
    private final Duration maxAge;
    private final BooleanSupplier stopping;

    /** {@code stopping} turns retries off: what fails then stays in the outbox for the next start. */
    Delivery(BotClient api, Throttle throttle, TimeSource time, Duration maxAge, BooleanSupplier stopping) {
        this.api = api;
        this.throttle = throttle;
        this.time = time;
        this.maxAge = maxAge;
        this.stopping = stopping;
    }

    /** What became of a message: Telegram's message id, or given up. */
    record Outcome(boolean sent, long messageId) {
        static final Outcome DROPPED = new Outcome(false, -1);
    }

    /**
     * Sends until Telegram accepts the message, refuses it for good or it is older than the maximum age.
     * {@code onTimeout} gets the message each time a send times out, so the count survives a restart.
     *
     * @throws BotApiException.Interrupted when the bot stops meanwhile and the message could not be sent yet
     */
    Outcome send(OutboxMessage message, Consumer<OutboxMessage> onTimeout) {
        OutboxMessage m = message;
        boolean plain = false;
        int failures = 0;
        while (true) {
            long age = time.millis() - m.createdAt();
            if (age > maxAge.toMillis()) {
                log.warn("dropping a reply ({}): Telegram has not accepted it in {} min of trying", m.describe(),
                        age / 60_000);
                return Outcome.DROPPED;
            }
            try {
                throttle.acquire(m.chatId());
                long id = attempt(m, plain);
                if (failures > 0) {
                    log.info("delivered a reply ({}) after {} failed tries", m.describe(), failures);
                }
                return new Outcome(true, id);
            } catch (BotApiException e) {
                if (e instanceof BotApiException.Interrupted) {
                    throw e;
                }
                if (stopping.getAsBoolean() && (e.retryable() || e.timedOut())) {
                    throw new BotApiException.Interrupted("sending to chat " + m.chatId() + " (stopping)");
                }
                if (e.timedOut()) {
                    if (m.timeouts() >= 1) {
                        log.warn("no answer from Telegram for a reply ({}) twice; not sending it a third time, "
                                + "since it may already have arrived", m.describe());
                        return Outcome.DROPPED;
                    }
                    m = m.withTimeout();
                    onTimeout.accept(m);
                    log.warn("no answer from Telegram for a reply ({}); sending it once more and waiting up to {} min",
                            m.describe(), BotClient.PATIENT_TIMEOUT.toMinutes());
                } else if (e.errorCode() == 429) {
                    long wait = Math.max(1, e.retryAfterSeconds()) * 1000L;
                    log.info("Telegram asked to wait {} s before sending to chat {}", wait / 1000, m.chatId());
                    throttle.pause(m.chatId(), wait);
                } else if (e.cannotParseEntities() && !plain) {
                    log.warn("Telegram could not parse the HTML of a reply ({}); sending it as plain text",
                            m.describe());
                    plain = true;
                } else if (m.kind() != OutboxMessage.Kind.TEXT && m.kind() != OutboxMessage.Kind.PHOTO
                        && e.notModified()) {
                    return new Outcome(true, m.editMessageId());
                } else if (m.kind() == OutboxMessage.Kind.REPLACE && e.errorCode() == 400) {
                    log.info("cannot edit message {} in chat {} ({}); sending the reply as a new message",
                            m.editMessageId(), m.chatId(), e.getMessage());
                    m = m.asText();
                } else if (e.retryable()) {
                    failures++;
                    if (failures == 1 || failures % LOG_EVERY == 0) {
                        log.warn("sending a reply ({}) failed {} time(s), trying again: {}", m.describe(), failures,
                                e.getMessage());
                    }
                    sleep(Math.min(MAX_BACK_OFF_MS, FIRST_BACK_OFF_MS << Math.min(failures - 1, 10)));
                } else {
                    log.warn("Telegram refused a reply ({}); it is dropped: {}", m.describe(), e.getMessage());
                    return Outcome.DROPPED;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BotApiException.Interrupted("waiting to send to chat " + m.chatId());
            }
        }
    }

    private long attempt(OutboxMessage m, boolean plain) {
        boolean patient = m.timeouts() > 0;
        String text = plain ? Html.toPlain(m.html()) : m.html();
        return switch (m.kind()) {
            case TEXT -> api.sendText(m.chatId(), text, !plain, m.buttons(), patient);
            case PHOTO -> api.sendPhoto(m.chatId(), m.png(), text, !plain, patient);
            case EDIT, REPLACE -> {
                api.edit(m.chatId(), m.editMessageId(), text, !plain, m.buttons(), patient);
                yield m.editMessageId();
            }
        };
    }

    private void sleep(long millis) {
        try {
            time.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException.Interrupted("waiting to retry");
        }
    }
}
