package org.playerdesk.incident;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.playerdesk.system.entity.Coded;

/**
 * Where an incident stands: proposed by the storm grouping (waiting for a lead), open, resolved,
 * or dismissed by a lead (a proposal that was not an incident). The one list of allowed moves is
 * {@link #canBecome(IncidentStatus)}.
 */
public enum IncidentStatus implements Coded {
    PROPOSED("proposed"), OPEN("open"), RESOLVED("resolved"), DISMISSED("dismissed");

    private static final Map<IncidentStatus, Set<IncidentStatus>> NEXT = Map.of(
            PROPOSED, EnumSet.of(OPEN, DISMISSED),
            OPEN, EnumSet.of(RESOLVED),
            RESOLVED, EnumSet.of(OPEN),
            DISMISSED, EnumSet.noneOf(IncidentStatus.class));

    private final String code;

    IncidentStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean canBecome(IncidentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Tickets can still be linked to it, and it still gathers reports of its outage. */
    public boolean isLive() {
        return this == PROPOSED || this == OPEN;
    }
}
