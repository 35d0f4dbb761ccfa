package org.playerdesk.automation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored event rule; {@code position} orders the rules of a game (lowest runs first). */
public record RuleView(UUID id, UUID gameId, String name, RuleTrigger trigger, int position, boolean enabled,
        RuleConditions conditions, List<RuleAction> actions, Instant updatedAt) {
}
