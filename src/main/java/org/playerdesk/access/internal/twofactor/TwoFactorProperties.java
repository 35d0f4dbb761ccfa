package org.playerdesk.access.internal.twofactor;

import java.time.Duration;
import java.util.List;

import org.playerdesk.access.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.two-factor.*} settings.
 *
 * @param requiredRoles the roles that must use two-factor sign-in: a member of one of them without it is sent to
 *        enrolment after the password and can do nothing else until enrolled (administrators by default)
 * @param issuer the name an authenticator app shows beside the account
 * @param attempts wrong codes a member may enter per {@code attemptsPer} before the second step waits
 * @param attemptsPer the period of {@code attempts}
 */
@ConfigurationProperties("playerdesk.two-factor")
public record TwoFactorProperties(List<StaffRole> requiredRoles, String issuer, Integer attempts,
        Duration attemptsPer) {

    public TwoFactorProperties {
        requiredRoles = requiredRoles == null ? List.of(StaffRole.ADMIN) : List.copyOf(requiredRoles);
        issuer = issuer == null || issuer.isBlank() ? "PlayerDesk" : issuer;
        attempts = attempts == null ? 5 : attempts;
        attemptsPer = attemptsPer == null ? Duration.ofMinutes(5) : attemptsPer;
    }
}
