package org.playerdesk.workforce;

import java.util.List;
import java.util.UUID;

/**
 * A rotation pattern as pages show it: its name, whether it is weekly (seven days from a Monday)
 * and its days in order, each the id of a shift or null for a day off.
 */
public record PatternView(UUID id, String name, boolean weekly, List<UUID> days) {

    public int length() {
        return days.size();
    }
}
