package org.playerdesk.workforce;

import java.util.UUID;

/** A named shift as pages show it: 早班, 08:00–16:00 ({@code hours}), start and end as HH:mm (24:00 for midnight). */
public record ShiftView(UUID id, String name, String start, String end, String hours, boolean crossesMidnight) {
}
