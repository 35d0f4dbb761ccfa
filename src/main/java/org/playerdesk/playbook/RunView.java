package org.playerdesk.playbook;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A procedure under way (or finished) on a ticket; {@code outcomes} by step id. */
public record RunView(UUID id, UUID ticketId, PlaybookView playbook, String startedBy, Instant startedAt,
        Instant reportedAt, Instant finishedAt, Map<UUID, Outcome> outcomes) {

    public record Outcome(String text, String by, Instant at) {
    }

    /** The first step without an outcome, or null when all are done. */
    public PlaybookView.Step current() {
        return playbook.steps().stream().filter(s -> !outcomes.containsKey(s.id())).findFirst().orElse(null);
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
