package org.playerdesk.routing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What routing knows of an agent: tier (and whether a lead set it rather than the role), the
 * languages they answer in (empty: any), how many unfinished tickets they hold at most, their
 * time zone, weekly shifts and dated exceptions, written as the editor shows them, and their
 * {@linkplain AgentSkill skills}.
 */
public record AgentSkills(UUID staffId, String displayName, AgentTier tier, boolean tierSet, List<String> languages,
        int capacity, String timeZone, String weeklyShifts, String exceptions, long held, Set<AgentSkill> skills) {
}
