package org.playerdesk.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.ratelimit.RateLimiter.Admission;

/** A rate limit's rules, in memory, on a clock the test moves. */
class RateLimitersTest {

    Instant now = Instant.parse("2026-05-04T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final RateLimiters limiters = RateLimiters.inMemory(clock);

    /** Ten a minute, five at once. */
    final RateLimit tenAMinute = RateLimit.tokenBucket("test", 10, Duration.ofMinutes(1), 5);

    @Test
    void aCallerMaySpendTheBurstAtOnceThenWaitsForTheNextToken() {
        RateLimiter limit = limiters.limiter(tenAMinute);

        assertThat(IntStream.range(0, 5).mapToObj(i -> limit.take("10.0.0.1"))).allMatch(Admission::admitted);
        Admission refused = limit.take("10.0.0.1");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void tokensFlowBackAsTimePassesButNeverBeyondTheBurst() {
        RateLimiter limit = limiters.limiter(tenAMinute);
        IntStream.range(0, 5).forEach(i -> limit.take("10.0.0.1"));

        now = now.plusSeconds(5);
        assertThat(limit.take("10.0.0.1").retryAfterSeconds()).as("almost a token back").isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(limit.take("10.0.0.1").admitted()).isTrue();

        now = now.plus(Duration.ofHours(1));
        assertThat(IntStream.range(0, 6).mapToObj(i -> limit.take("10.0.0.1")).filter(Admission::admitted))
                .hasSize(5);
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        RateLimiter limit = limiters.limiter(tenAMinute);
        IntStream.range(0, 6).forEach(i -> limit.take("10.0.0.1"));

        assertThat(limit.take("10.0.0.2").admitted()).isTrue();
        assertThat(limit.take("10.0.0.1").admitted()).isFalse();
    }

    @Test
    void checkingLeavesTheTokenWhereItIs() {
        RateLimiter limit = limiters.limiter(RateLimit.tokenBucket("test", 1, Duration.ofMinutes(1), 1));

        assertThat(IntStream.range(0, 10).mapToObj(i -> limit.check("10.0.0.1"))).allMatch(Admission::admitted);
        assertThat(limit.take("10.0.0.1").admitted()).isTrue();
        Admission checked = limit.check("10.0.0.1");
        assertThat(checked.admitted()).isFalse();
        assertThat(checked.retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void aWindowAdmitsItsMaximumThenNothingUntilItEnds() {
        RateLimiter limit = limiters.limiter(RateLimit.perWindow("chat", 3, Duration.ofSeconds(10)));

        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.take("connection-1")).filter(Admission::admitted))
                .hasSize(3);
        now = now.plusSeconds(9);
        assertThat(limit.take("connection-1").admitted()).as("no token trickles back within the window").isFalse();
        now = now.plusSeconds(1);
        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.take("connection-1")).filter(Admission::admitted))
                .hasSize(3);
    }

    @Test
    void aForgottenCallerStartsWithAFullBucket() {
        RateLimiter limit = limiters.limiter(RateLimit.perWindow("chat", 1, Duration.ofSeconds(10)));
        limit.take("connection-1");

        limit.forget("connection-1");

        assertThat(limit.take("connection-1").admitted()).isTrue();
    }

    @Test
    void limitsOfDifferentNamesKeepTheirOwnBuckets() {
        RateLimiter one = limiters.limiter(RateLimit.perWindow("one", 1, Duration.ofSeconds(10)));
        RateLimiter other = limiters.limiter(RateLimit.perWindow("other", 1, Duration.ofSeconds(10)));
        one.take("caller");

        assertThat(other.take("caller").admitted()).isTrue();
        assertThat(one.take("caller").admitted()).isFalse();
    }
}
