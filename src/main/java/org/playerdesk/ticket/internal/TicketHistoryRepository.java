package org.playerdesk.ticket.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketHistoryRepository extends JpaRepository<TicketHistory, UUID> {

    List<TicketHistory> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId);
}
