package org.playerdesk.workforce.internal.roster;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A lead's change to one agent's day: leave or a sick day (no shift that day, whatever the
 * pattern says) or an extra shift (added to the day).
 */
public record DayChange(UUID id, UUID staffId, LocalDate date, Kind kind, UUID shiftId, String note) {

    public enum Kind {
        LEAVE, SICK, EXTRA;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public DayChange {
        if (kind == Kind.EXTRA && shiftId == null) {
            throw new IllegalArgumentException("an extra shift names its shift");
        }
    }

    public boolean off() {
        return kind != Kind.EXTRA;
    }
}
