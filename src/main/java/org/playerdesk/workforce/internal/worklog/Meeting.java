package org.playerdesk.workforce.internal.worklog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A morning meeting as kept: its day, scope (a team, or the whole department) with its name, who
 * held it, the minutes and the agenda's items by key, each with its words as they were then,
 * whether it was discussed and who owns it.
 */
record Meeting(UUID id, LocalDate day, String scope, String scopeName, String heldByName, String minutes,
        Instant updatedAt, Map<String, Item> items) {

    record Item(String label, boolean discussed, UUID ownerId, String ownerName) {
    }

    public long discussed() {
        return items.values().stream().filter(Item::discussed).count();
    }
}
