package org.playerdesk.workforce.internal.presence;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.workforce.PresenceState;

/**
 * Asked before an agent leaves the desk of their own choice, from available or busy to a break,
 * away or offline: a check may refuse it. The shift handover does (接班人未到岗，交班人不得离台: the
 * outgoing agent stays until the incoming one has taken over; {@code WaitingForHandover}). Every
 * bean is asked, in order; the first refusal wins. A lead's setting, signing out and the end of
 * availability after the grace period are facts, not requests, and are not asked; nor is a
 * presence chosen in the live-chat console, which the state follows afterwards.
 */
public interface LeavingCheck {

    /**
     * Empty to let the agent go; else the code of the refused rule ({@code RuleViolation}), whose
     * words the implementing part keeps as {@code error.<code>} in both languages.
     */
    Optional<String> refusal(UUID staffId, PresenceState from, PresenceState to);
}
