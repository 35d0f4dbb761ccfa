package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Visibility;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "ticket_message")
public class TicketMessage extends StoredEntity {

    public static final int BODY_MAX = 20_000;

    private UUID ticketId;
    @Convert(converter = Converters.Seen.class)
    private Visibility visibility;
    @Convert(converter = Converters.ActorKind.class)
    private Actor.Kind authorKind;
    private UUID authorId;
    private String authorName;
    private String body;
    private Instant createdAt;

    protected TicketMessage() {
    }

    public TicketMessage(UUID ticketId, Visibility visibility, Actor author, String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.visibility = visibility;
        this.authorKind = author.kind();
        this.authorId = author.id();
        this.authorName = author.name();
        this.body = body;
        this.createdAt = createdAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Visibility visibility() {
        return visibility;
    }

    public MessageView view(List<AttachmentView> attachments) {
        return new MessageView(getId(), visibility, authorKind, authorId, authorName, body, createdAt, attachments);
    }
}
