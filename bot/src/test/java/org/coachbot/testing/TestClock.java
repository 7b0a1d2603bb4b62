package org.coachbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move forward by hand instead of sleeping; every copy shares the same time. */
public final class TestClock extends Clock {
    private final Instant[] now;
    private final ZoneId zone;

    public TestClock(Instant start, ZoneId zone) {
        this(new Instant[]{start}, zone);
    }

    private TestClock(Instant[] now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration d) {
        synchronized (now) {
            now[0] = now[0].plus(d);
        }
    }

    public void set(Instant at) {
        synchronized (now) {
            now[0] = at;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new TestClock(now, z);
    }

    @Override
    public Instant instant() {
        synchronized (now) {
            return now[0];
        }
    }
}
