package org.playerdesk.workforce;

import java.util.Set;
import java.util.UUID;

/** A team: its name, its lead (null while it has none) and its members (the lead need not be one). */
public record TeamView(UUID id, String name, UUID leadId, Set<UUID> memberIds) {

    /** Whether this member of staff leads the team. */
    public boolean ledBy(UUID staffId) {
        return leadId != null && leadId.equals(staffId);
    }

    /** The team's people: its members and its lead. */
    public Set<UUID> people() {
        if (leadId == null || memberIds.contains(leadId)) {
            return memberIds;
        }
        java.util.Set<UUID> all = new java.util.HashSet<>(memberIds);
        all.add(leadId);
        return Set.copyOf(all);
    }
}
