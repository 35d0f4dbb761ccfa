package org.playerdesk.ticket.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.Visibility;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketMessageRepository extends JpaRepository<TicketMessage, UUID> {

    List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId);

    Optional<TicketMessage> findFirstByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(UUID ticketId,
            Visibility visibility);

    Optional<TicketMessage> findByIdAndTicketId(UUID id, UUID ticketId);

    @Query("select m.body from TicketMessage m where m.ticketId = :ticketId order by m.createdAt, m.id")
    List<String> bodies(UUID ticketId);
}
