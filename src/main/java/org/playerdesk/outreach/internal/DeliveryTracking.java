package org.playerdesk.outreach.internal;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.mailbox.MailEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What came back for a campaign email (named {@code outreach:<recipient>}): the player's reply,
 * which the mailbox module threaded into a ticket, marks the recipient replied with that ticket; a
 * bounce marks it failed with the reason. Both are safe to hear twice.
 */
@Component
class DeliveryTracking {

    private final CampaignStore store;

    DeliveryTracking(CampaignStore store) {
        this.store = store;
    }

    @ApplicationModuleListener
    void on(MailEvents.ReferencedReply reply) {
        recipient(reply.reference()).ifPresent(id -> store.replied(id, reply.ticketId(), reply.at()));
    }

    @ApplicationModuleListener
    void on(MailEvents.ReferencedBounce bounce) {
        recipient(bounce.reference()).ifPresent(id -> store.undelivered(id, "bounced: " + bounce.reason()));
    }

    static Optional<UUID> recipient(String reference) {
        if (reference == null || !reference.startsWith("outreach:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference.substring("outreach:".length())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
