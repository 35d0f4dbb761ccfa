package org.playerdesk.ticket.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByAccessTokenHash(String accessTokenHash);

    List<Ticket> findByGameIdAndPlayerIdOrderByCreatedAtDesc(UUID gameId, UUID playerId, Pageable page);
}
