package org.playerdesk.knowledge;

import java.time.Instant;
import java.util.UUID;

/** What happens in the help center that others count; each is published once, with the change. */
public final class KnowledgeEvents {

    private KnowledgeEvents() {
    }

    /**
     * A player read an article the ticket form suggested and left without submitting a ticket, in
     * the help center of {@code gameId}. {@code deflectionId} is made once, with the event: each
     * beacon is one deflection, and a listener that runs again counts it once.
     */
    public record HelpDeflected(UUID deflectionId, UUID gameId, UUID articleId, Instant at) {
    }
}
