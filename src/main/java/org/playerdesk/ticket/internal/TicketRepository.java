package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.SlaState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByAccessTokenHash(String accessTokenHash);

    List<Ticket> findByGameIdAndPlayerIdOrderByCreatedAtDesc(UUID gameId, UUID playerId, Pageable page);

    /** Ticket ids after {@code after} in id order: a resumable walk over every ticket. */
    @Query("select t.id from Ticket t where t.id > :after order by t.id")
    List<UUID> idsAfter(UUID after, Pageable page);

    @Query("select t.id from Ticket t order by t.id")
    List<UUID> firstIds(Pageable page);

    /** Sets the service-level deadline and state without touching the version or the history. */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.slaDueAt = :due, t.slaState = :state where t.id = :id")
    int trackSla(UUID id, Instant due, SlaState state);
}
