package org.playerdesk.access.internal.twofactor;

import org.playerdesk.access.StaffUser;
import org.playerdesk.access.internal.ratelimit.DeviceCookies;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What follows a correct password: when the member has no second step to take, the sign-in is
 * complete and the browser gets its device cookie; otherwise {@link TwoFactorGate} leads the
 * session to the second step, whose page gives the cookie.
 */
@Component
public class PasswordStep {

    private final TwoFactor twoFactor;
    private final DeviceCookies devices;

    PasswordStep(TwoFactor twoFactor, DeviceCookies devices) {
        this.twoFactor = twoFactor;
        this.devices = devices;
    }

    public AuthenticationSuccessHandler then(AuthenticationSuccessHandler target) {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof StaffUser staff && !twoFactor.enrolled(staff.id())
                    && !twoFactor.required(staff.role())) {
                devices.issue(request, response, staff.id(), staff.getUsername());
            }
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The filter that keeps a session signed in with the password alone to the second step. */
    public TwoFactorGate gate() {
        return new TwoFactorGate(twoFactor);
    }
}
