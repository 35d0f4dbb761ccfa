package org.playerdesk.workforce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shift handover (交接班) and its shift log: the outgoing agent, the shift it closes (null when
 * the agent has no roster), the shift notes (emergencies and what to do about them, things to
 * watch), the incoming agents it is addressed to, its items, and how it was settled.
 */
public record HandoverView(UUID id, UUID outgoingId, String outgoingName, HandoverState state, Instant shiftStart,
        Instant shiftEnd, String notes, String emergencies, List<Person> incoming, List<HandoverItem> items,
        Instant createdAt, Instant submittedAt, Instant dueAt, Instant overdueAt, Instant acknowledgedAt,
        String acknowledgedByName, Instant releasedAt, String releasedByName, String releaseReason) {

    /** A member of staff by id and display name. */
    public record Person(UUID id, String name) {
    }

    public boolean addressedTo(UUID staffId) {
        return incoming.stream().anyMatch(p -> p.id().equals(staffId));
    }

    public long acknowledgedItems() {
        return items.stream().filter(HandoverItem::acknowledged).count();
    }
}
