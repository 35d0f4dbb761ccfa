package org.playerdesk.automation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run of a rule on a ticket: {@code outcome} is {@code done}, {@code failed} (the ticket's
 * rules refused an action; nothing of the run was kept) or {@code stopped} (loop protection: the
 * event was caused by automation too many levels deep). {@code depth} 0 is an event a person or
 * the player caused. What the run did is {@code steps}, worded for each reader; runs recorded
 * before steps were kept have their English {@code summary} instead.
 */
public record ExecutionView(UUID ruleId, UUID ticketId, int depth, String outcome, List<RunStep> steps,
        String summary, Instant executedAt) {

    public ExecutionView {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
