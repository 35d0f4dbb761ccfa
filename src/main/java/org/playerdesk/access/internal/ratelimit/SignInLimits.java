package org.playerdesk.access.internal.ratelimit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.playerdesk.access.SignInAlarm;
import org.playerdesk.system.ratelimit.RateLimit;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The limits of failed sign-ins, checked before the password and spent when it is wrong:
 * <ul>
 * <li>per client address ({@code playerdesk.rate-limits.login}): one address guessing many
 * accounts' passwords is slowed;</li>
 * <li>per account, from any address ({@code playerdesk.sign-in-limits.account}, several limits
 * one over the other, so that the wait grows the longer the guessing goes on): guessing spread over
 * many addresses is slowed;</li>
 * <li>a browser with the account's device cookie ({@link DeviceCookies}) is spared both and has
 * a limit of its own ({@code playerdesk.sign-in-limits.device}): the owner of an account signs in
 * from their own browser while someone else's guesses hold the account or their office's address
 * back.</li>
 * </ul>
 * An account or address crossing its limit raises a {@link SignInAlarm} (at most once per
 * {@code alarm-every}) and a warning in the log.
 */
public final class SignInLimits {

    private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);

    private final RateLimiter address;
    private final List<RateLimiter> account;
    private final RateLimiter device;
    private final RateLimiter alarms;
    private final DeviceCookies devices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInLimits(RateLimits limits, SignInLimitProperties properties, boolean enabled, RateLimiters limiters,
            DeviceCookies devices, ApplicationEventPublisher events, Clock clock) {
        this.address = limits.login();
        List<RateLimitProperties.Limit> layers = properties.account();
        this.account = enabled ? java.util.stream.IntStream.range(0, layers.size())
                .mapToObj(i -> limiters.limiter(RateLimit.tokenBucket("login-account-" + (i + 1),
                        layers.get(i).requests(), layers.get(i).per(), layers.get(i).burst())))
                .toList() : List.of();
        RateLimitProperties.Limit one = properties.device();
        this.device = enabled ? limiters.limiter(RateLimit.tokenBucket("login-device", one.requests(), one.per(),
                one.burst())) : RateLimiter.UNLIMITED;
        this.alarms = limiters.limiter(RateLimit.perWindow("login-alarm", 1, properties.alarmEvery()));
        this.devices = devices;
        this.events = events;
        this.clock = clock;
    }

    /** Whether this sign-in may be tried at all: before the password is checked. */
    public RateLimiter.Admission admit(HttpServletRequest request) {
        String username = request.getParameter("username");
        Optional<String> browser = devices.deviceOf(request, username);
        if (browser.isPresent()) {
            return device.check(browser.get());
        }
        RateLimiter.Admission admission = address.check(request.getRemoteAddr());
        String name = DeviceCookies.normalised(username);
        for (RateLimiter limit : account) {
            RateLimiter.Admission next = limit.check(name);
            if (!next.admitted() && (admission.admitted() || next.retryAfterSeconds() > admission.retryAfterSeconds())) {
                admission = next;
            }
        }
        return admission;
    }

    /** A wrong password (or unknown username): spends the attempts of the browser, or of the address and account. */
    public void failed(HttpServletRequest request) {
        String username = request.getParameter("username");
        Optional<String> browser = devices.deviceOf(request, username);
        if (browser.isPresent()) {
            device.take(browser.get());
            return;
        }
        String from = request.getRemoteAddr();
        if (spend(address, from)) {
            alarm("address", from);
        }
        String name = DeviceCookies.normalised(username);
        boolean crossed = false;
        for (RateLimiter limit : account) {
            crossed |= spend(limit, name);
        }
        if (crossed) {
            alarm("account", name);
        }
    }

    /** Takes one attempt; answers whether that was the last one (the limit is crossed now). */
    private static boolean spend(RateLimiter limit, String caller) {
        return limit.take(caller).admitted() && !limit.check(caller).admitted();
    }

    private void alarm(String kind, String subject) {
        if (!alarms.take(kind + ":" + subject).admitted()) {
            return;
        }
        log.warn("Failed sign-ins crossed the limit of the {} {}", kind, subject);
        try {
            events.publishEvent(new SignInAlarm(kind, subject, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Administrators could not be told of failed sign-ins of the {} {}", kind, subject, e);
        }
    }
}
