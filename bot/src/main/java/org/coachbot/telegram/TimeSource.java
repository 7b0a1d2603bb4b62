package org.coachbot.telegram;

/**
 * Time as delivery sees it: wall-clock milliseconds for ages, monotonic nanoseconds for rates, and waiting. Tests
 * pass a fake that moves forward when something waits, so back-off and retry_after never really wait.
 */
public interface TimeSource {
    /** Wall-clock time in milliseconds since the epoch, for the age of a reply and the length of a 409 episode. */
    long millis();

    /** A monotonic reading in nanoseconds, for the throttle. */
    long nanos();

    /** Waits; interrupted when the bot stops. */
    void sleep(long millis) throws InterruptedException;

    /** The system clock and {@link Thread#sleep}. */
    static TimeSource system() {
        return new TimeSource() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        };
    }
}
