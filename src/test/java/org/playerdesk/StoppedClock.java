package org.playerdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's one clock, stopped where the test started (in the database's precision, so
 * that "as long as the expiry" is exactly that long): it moves only when the test says so.
 */
public final class StoppedClock extends Clock {

    /** Makes a stopped clock the application's one clock: {@code @Import(StoppedClock.AsTheClock.class)}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AsTheClock {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public void shift(Duration by) {
        now = now.plus(by);
    }

    /** Moves the clock to that moment (forward, so that nothing waiting on it sees time run back). */
    public void moveTo(Instant at) {
        now = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
