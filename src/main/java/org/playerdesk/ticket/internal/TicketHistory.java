package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "ticket_history")
public class TicketHistory extends StoredEntity {

    private UUID ticketId;
    private String action;
    private String oldValue;
    private String newValue;
    @Convert(converter = Converters.ActorKind.class)
    private Actor.Kind actorKind;
    private UUID actorId;
    private String actorName;
    private Instant createdAt;

    protected TicketHistory() {
    }

    public TicketHistory(UUID ticketId, Change change, Actor actor, Instant createdAt) {
        this.ticketId = ticketId;
        this.action = change.action();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
        this.actorKind = actor.kind();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.createdAt = createdAt;
    }

    public HistoryEntry view() {
        return new HistoryEntry(action, oldValue, newValue, new Actor(actorKind, actorId, actorName), createdAt);
    }
}
