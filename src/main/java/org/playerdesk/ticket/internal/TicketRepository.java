package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByAccessTokenHash(String accessTokenHash);

    List<Ticket> findByGameIdAndPlayerIdOrderByCreatedAtDesc(UUID gameId, UUID playerId, Pageable page);

    /** Sets the service-level deadline and state without touching the version or the history. */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.slaDueAt = :due, t.slaState = :state where t.id = :id")
    int trackSla(UUID id, Instant due, SlaState state);

    /**
     * A game's tickets in one status whose last change lies after the cursor ({@code afterAt},
     * {@code afterId}) and no later than {@code before}, oldest change first: walks the index
     * ticket_by_status_updated.
     */
    @Query("select t from Ticket t where t.gameId = :gameId and t.status = :status"
            + " and t.updatedAt >= :afterAt and t.updatedAt <= :before"
            + " and (t.updatedAt > :afterAt or (t.updatedAt = :afterAt and t.id > :afterId))"
            + " order by t.updatedAt, t.id")
    List<Ticket> idle(UUID gameId, TicketStatus status, Instant afterAt, UUID afterId, Instant before, Pageable page);
}
