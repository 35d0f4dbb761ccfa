package org.playerdesk.automation;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a rule on a ticket: {@code outcome} is {@code done}, {@code failed} (the ticket's
 * rules refused an action; nothing of the run was kept) or {@code stopped} (loop protection: the
 * event was caused by automation too many levels deep). {@code depth} 0 is an event a person or
 * the player caused.
 */
public record ExecutionView(UUID ruleId, UUID ticketId, int depth, String outcome, String summary,
        Instant executedAt) {
}
