package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.Visibility;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends StoredEntity {

    private UUID ticketId;
    private UUID messageId;
    @Convert(converter = Converters.Seen.class)
    private Visibility visibility;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String storageKey;
    private String uploadedBy;
    private Instant createdAt;

    protected TicketAttachment() {
    }

    public TicketAttachment(UUID ticketId, UUID messageId, Visibility visibility, String fileName, String contentType,
            long sizeBytes, String sha256, String storageKey, String uploadedBy, Instant createdAt) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.visibility = visibility;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID messageId() {
        return messageId;
    }

    public String storageKey() {
        return storageKey;
    }

    public AttachmentView view() {
        return new AttachmentView(getId(), messageId, visibility, fileName, contentType, sizeBytes, createdAt);
    }
}
