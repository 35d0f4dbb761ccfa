package org.playerdesk.workforce.internal.presence;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.workforce.AgentPresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Signing out ends the agent's availability at once (closing the tabs ends it after the grace period). */
@Component
class SignOut {

    private static final Logger log = LoggerFactory.getLogger(SignOut.class);

    private final AgentPresence presence;

    SignOut(AgentPresence presence) {
        this.presence = presence;
    }

    @EventListener
    void on(LogoutSuccessEvent signedOut) {
        if (signedOut.getAuthentication() != null
                && signedOut.getAuthentication().getPrincipal() instanceof StaffUser user
                && user.can(Permission.WORK_TICKETS)) {
            try {
                presence.signedOut(user.id());
            } catch (RuntimeException e) {
                // signing out must not fail for it: the sweep sets the agent offline after the grace period
                log.warn("Could not set {} offline on signing out", user.id(), e);
            }
        }
    }
}
