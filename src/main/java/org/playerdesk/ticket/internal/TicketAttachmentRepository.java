package org.playerdesk.ticket.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, UUID> {

    List<TicketAttachment> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId);

    List<TicketAttachment> findByMessageIdOrderByCreatedAtAscIdAsc(UUID messageId);
}
