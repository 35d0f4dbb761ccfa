package org.playerdesk.access.internal.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.sign-in-limits.*} settings: failed sign-ins per account, beside the
 * per-address limit {@code playerdesk.rate-limits.login}.
 *
 * @param account failed sign-ins per account, from any address: each limit a token bucket, all of them applying,
 *        so that each one further down lets a guesser try less and less often (by default 5 at once then one
 *        each 3 minutes; 10 in 2 hours then one each 12 minutes; 20 in a day then one each 72 minutes)
 * @param device failed sign-ins from one browser holding the account's device cookie, which spares it the
 *        account's and the address's limits
 * @param deviceCookieDays how long a browser's device cookie lasts after its last successful sign-in
 * @param alarmEvery how often, at most, administrators are told of the same account or address crossing its limit
 */
@ConfigurationProperties("playerdesk.sign-in-limits")
public record SignInLimitProperties(List<RateLimitProperties.Limit> account, RateLimitProperties.Limit device,
        Integer deviceCookieDays, Duration alarmEvery) {

    public SignInLimitProperties {
        account = account == null || account.isEmpty() ? List.of(
                new RateLimitProperties.Limit(5, Duration.ofMinutes(15), 5),
                new RateLimitProperties.Limit(10, Duration.ofHours(2), 10),
                new RateLimitProperties.Limit(20, Duration.ofDays(1), 20)) : List.copyOf(account);
        device = device == null ? new RateLimitProperties.Limit(5, Duration.ofMinutes(15), 5) : device;
        deviceCookieDays = deviceCookieDays == null ? 90 : deviceCookieDays;
        alarmEvery = alarmEvery == null ? Duration.ofHours(1) : alarmEvery;
    }
}
