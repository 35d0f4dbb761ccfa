package org.playerdesk.routing;

import java.util.Set;
import java.util.UUID;

/**
 * A queue as a lead defines it, in the form's words: codes, or blank for "any". {@code members}
 * lists who works the queue; when empty, every agent serving the game with {@code requiredTier}
 * (blank: any tier) works it.
 */
public record QueueRules(String name, Integer position, String strategy, boolean vipFirst, String channel,
        String type, String language, String vipTier, String level, String requiredTier, Set<UUID> members) {
}
