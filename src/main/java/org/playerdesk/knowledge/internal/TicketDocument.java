package org.playerdesk.knowledge.internal;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.playerdesk.system.entity.NewUntilStored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What console ticket search looks in for one ticket: subject, every message (notes included:
 * only staff search), the player's nickname. Rebuilt from the ticket module's public queries
 * whenever the ticket's events say it changed, so the ticket module knows nothing of the index.
 */
@Entity
@Table(name = "kb_ticket_document")
@Indexed(index = "ticket")
public class TicketDocument extends NewUntilStored<UUID> {

    static final int MESSAGES_MAX = 60000;

    @Id
    @DocumentId
    private UUID ticketId;

    @GenericField
    private UUID gameId;

    @GenericField(projectable = Projectable.YES)
    private long number;

    @FullTextField(name = "subject_zh", analyzer = SearchAnalysis.CHINESE, projectable = Projectable.YES)
    @FullTextField(name = "subject_en", analyzer = SearchAnalysis.ENGLISH)
    private String subject;

    @FullTextField(name = "nickname", analyzer = SearchAnalysis.BIGRAMS)
    private String nickname;

    @FullTextField(name = "messages_zh", analyzer = SearchAnalysis.CHINESE)
    @FullTextField(name = "messages_en", analyzer = SearchAnalysis.ENGLISH)
    @Column(length = MESSAGES_MAX)
    private String messages;

    private Instant updatedAt;

    @Version
    private long version;

    protected TicketDocument() {
    }

    @Override
    public UUID getId() {
        return ticketId;
    }

    TicketDocument(UUID ticketId, UUID gameId) {
        this.ticketId = ticketId;
        this.gameId = gameId;
    }

    UUID ticketId() {
        return ticketId;
    }

    void fill(long number, String subject, String nickname, String messages, Instant now) {
        this.number = number;
        this.subject = subject;
        this.nickname = nickname;
        this.messages = messages.length() > MESSAGES_MAX ? messages.substring(0, MESSAGES_MAX) : messages;
        this.updatedAt = now;
    }
}
