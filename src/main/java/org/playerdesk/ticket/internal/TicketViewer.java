package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.validation.Texts;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A member of staff with a ticket's page open: the page refreshes the row every few seconds, and
 * a row not refreshed for a while no longer counts (the page was closed, the network lost).
 */
@Entity
@Table(name = "ticket_viewer")
public class TicketViewer extends StoredEntity {

    private UUID ticketId;
    private UUID staffId;
    private String staffName;
    private boolean replying;
    private Instant seenAt;

    protected TicketViewer() {
    }

    public TicketViewer(UUID ticketId, UUID staffId, String staffName, boolean replying, Instant seenAt) {
        this.ticketId = ticketId;
        this.staffId = staffId;
        this.staffName = name(staffName);
        this.replying = replying;
        this.seenAt = seenAt;
    }

    /** A display name as the column keeps it. */
    public static String name(String staffName) {
        return Texts.abbreviate(staffName == null ? "" : staffName, 100);
    }

    public UUID staffId() {
        return staffId;
    }

    public String staffName() {
        return staffName;
    }

    public boolean replying() {
        return replying;
    }

    public Instant seenAt() {
        return seenAt;
    }
}
