package org.playerdesk.sla;

import java.time.DayOfWeek;
import java.util.Map;

/** A business calendar as typed into the editor; see {@link CalendarView} for the formats. */
public record CalendarForm(String name, String timeZone, boolean alwaysOpen, Map<DayOfWeek, String> hours,
        String holidays, String workingDates) {

    public CalendarForm {
        hours = hours == null ? Map.of() : Map.copyOf(hours);
    }
}
