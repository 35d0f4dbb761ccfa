package org.playerdesk.sla;

import java.util.Set;

/**
 * A policy as typed into the editor: codes for channel, type, priority and tier (blank: any),
 * minutes as text (blank: no target), the calendar's id, and action codes ({@link SlaAction}).
 */
public record PolicyForm(String name, String channel, String type, String priority, String minTier,
        String firstResponseMinutes, String nextResponseMinutes, String resolutionMinutes, String warningPercent,
        String calendarId, Set<String> warningActions, Set<String> breachActions) {

    public PolicyForm {
        warningActions = warningActions == null ? Set.of() : Set.copyOf(warningActions);
        breachActions = breachActions == null ? Set.of() : Set.copyOf(breachActions);
    }
}
