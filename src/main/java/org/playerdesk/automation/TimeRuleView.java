package org.playerdesk.automation;

import java.util.UUID;

/** A game's time rule; {@code message} is the reminder's text (variables allowed), null for closing. */
public record TimeRuleView(UUID id, UUID gameId, TimeRuleKind kind, int hours, boolean enabled, String message) {
}
