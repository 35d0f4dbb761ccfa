package org.playerdesk.sla;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.UUID;

/**
 * A business calendar as the editor shows it: hours per weekday as text ({@code 09:00-12:00,
 * 13:00-18:00}, empty when closed), holidays and extra working dates one per line
 * ({@code 2026-10-01 国庆节}).
 */
public record CalendarView(UUID id, UUID gameId, String name, String timeZone, boolean alwaysOpen,
        Map<DayOfWeek, String> hours, String holidays, String workingDates) {
}
