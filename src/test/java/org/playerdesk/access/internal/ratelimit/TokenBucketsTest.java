package org.playerdesk.access.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.playerdesk.access.internal.ratelimit.TokenBuckets.Admission;

/** A rate limit's rules, on a clock the test moves. */
class TokenBucketsTest {

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

    /** Ten a minute, five at once. */
    final RateLimitProperties.Limit tenAMinute = new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 5);

    @Test
    void aCallerMaySpendTheBurstAtOnceThenWaitsForTheNextToken() {
        TokenBuckets limit = new TokenBuckets(tenAMinute, true, clock);

        assertThat(IntStream.range(0, 5).mapToObj(i -> limit.take("10.0.0.1"))).allMatch(Admission::admitted);
        Admission refused = limit.take("10.0.0.1");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void tokensFlowBackAsTimePassesButNeverBeyondTheBurst() {
        TokenBuckets limit = new TokenBuckets(tenAMinute, true, clock);
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
        TokenBuckets limit = new TokenBuckets(tenAMinute, true, clock);
        IntStream.range(0, 6).forEach(i -> limit.take("10.0.0.1"));

        assertThat(limit.take("10.0.0.2").admitted()).isTrue();
        assertThat(limit.take("10.0.0.1").admitted()).isFalse();
    }

    @Test
    void checkingLeavesTheTokenWhereItIs() {
        TokenBuckets limit = new TokenBuckets(new RateLimitProperties.Limit(1, Duration.ofMinutes(1), 1), true, clock);

        assertThat(IntStream.range(0, 10).mapToObj(i -> limit.check("10.0.0.1"))).allMatch(Admission::admitted);
        assertThat(limit.take("10.0.0.1").admitted()).isTrue();
        assertThat(limit.check("10.0.0.1").admitted()).isFalse();
    }

    @Test
    void switchedOffLimitsNeverRefuse() {
        TokenBuckets limit = new TokenBuckets(tenAMinute, false, clock);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> limit.take("10.0.0.1"))).allMatch(Admission::admitted);
    }

    @Test
    void unsetBurstIsTheRateAndSettingsDefaultToTheDocumentedLimits() {
        assertThat(new RateLimitProperties.Limit(7, Duration.ofMinutes(1), null).burst()).isEqualTo(7);
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.api()).isEqualTo(new RateLimitProperties.Limit(2000, Duration.ofSeconds(1), 4000));
        assertThat(defaults.help()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 10));
        assertThat(defaults.login()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 10));
        assertThat(defaults.suggest()).isEqualTo(new RateLimitProperties.Limit(60, Duration.ofMinutes(1), 20));
    }
}
