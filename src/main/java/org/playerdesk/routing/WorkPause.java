package org.playerdesk.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps agents from new tickets for a while without routing knowing why (the workforce module's
 * presence: an agent on a break, away or offline; the training module's onboarding gate: a new
 * hire with exams to pass). Every pause bean is asked, for all the candidates of a decision at
 * once, whenever routing picks an agent, and when an agent asks for "Next" (refused while paused);
 * the tickets a paused agent holds stay theirs.
 */
public interface WorkPause {

    /** Of these members of staff, those who take no new ticket at {@code at}. */
    Set<UUID> pausedAmong(Collection<UUID> staffIds, Instant at);
}
