package org.playerdesk.wellbeing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.playerdesk.access.StaffMember;

/**
 * One agent's exposure at a moment: contacts and hostile contacts this shift and this week, the
 * longest stretch without a break this shift, breaks taken, hostile contacts in a row now, the
 * break under way (null: none) and whether the console suggests one.
 */
record AgentWellbeing(StaffMember agent, ZoneId zone, ShiftWindow shift, int contactsShift, int hostileShift,
        int contactsWeek, int hostileWeek, Duration longestStretch, int breaksShift, int breaksWeek, int inARow,
        Break onBreak, boolean breakSuggested, int breakMinutes) {
}
