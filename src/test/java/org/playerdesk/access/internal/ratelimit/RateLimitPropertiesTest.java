package org.playerdesk.access.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.ratelimit.RateLimiter.Admission;
import org.playerdesk.system.ratelimit.RateLimiters;

/** The public doors' limits as configured. */
class RateLimitPropertiesTest {

    final RateLimiters limiters = RateLimiters.inMemory(Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void unsetBurstIsTheRateAndSettingsDefaultToTheDocumentedLimits() {
        assertThat(new RateLimitProperties.Limit(7, Duration.ofMinutes(1), null).burst()).isEqualTo(7);
        RateLimitProperties defaults = new RateLimitProperties(null, null, null, null, null, null);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.api()).isEqualTo(new RateLimitProperties.Limit(2000, Duration.ofSeconds(1), 4000));
        assertThat(defaults.help()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 10));
        assertThat(defaults.login()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 10));
        assertThat(defaults.suggest()).isEqualTo(new RateLimitProperties.Limit(60, Duration.ofMinutes(1), 20));
    }

    @Test
    void refusesLimitsThatCouldNeverAdmitAnything() {
        assertThatThrownBy(() -> new RateLimitProperties.Limit(0, Duration.ofMinutes(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Limit(1, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties.Limit(1, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachDoorHasItsOwnLimitWithTheConfiguredBurst() {
        RateLimitProperties.Limit two = new RateLimitProperties.Limit(2, Duration.ofMinutes(1), 2);
        RateLimits limits = new RateLimits(new RateLimitProperties(true, two, two, two, two, two), limiters);

        IntStream.range(0, 2).forEach(i -> limits.help().take("10.0.0.1"));

        assertThat(limits.help().take("10.0.0.1").admitted()).isFalse();
        assertThat(limits.suggest().take("10.0.0.1").admitted()).as("another door").isTrue();
    }

    @Test
    void switchedOffLimitsNeverRefuse() {
        RateLimitProperties.Limit one = new RateLimitProperties.Limit(1, Duration.ofMinutes(1), 1);
        RateLimits limits = new RateLimits(new RateLimitProperties(false, one, one, one, one, one), limiters);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> limits.api().take("key"))).allMatch(Admission::admitted);
    }
}
