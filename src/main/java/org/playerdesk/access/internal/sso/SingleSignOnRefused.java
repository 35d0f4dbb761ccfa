package org.playerdesk.access.internal.sso;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A sign-in through the identity provider that PlayerDesk refuses; its reason is the code the
 * sign-in page shows the words of ({@code sso.refused.<reason>}).
 */
class SingleSignOnRefused extends OAuth2AuthenticationException {

    enum Reason {
        /** No PlayerDesk account, none is made (unknown users refused). */
        UNKNOWN("unknown"),
        /** An account was made, disabled until an administrator enables it. */
        AWAITING("awaiting"),
        /** The PlayerDesk account is disabled, whatever the provider says. */
        DISABLED("disabled"),
        /** Roles come from the provider's groups, and none of them names a role. */
        NO_ROLE("no-role");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    SingleSignOnRefused(Reason reason) {
        super(new OAuth2Error(reason.code), reason.code);
    }
}
