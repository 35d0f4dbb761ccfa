package org.playerdesk.sla.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SlaTimerRepository extends JpaRepository<SlaTimer, UUID> {

    List<SlaTimer> findByTicketId(UUID ticketId);

    /** Timers with a warning or deadline due by {@code now}, earliest first (games: null for all). */
    @Query("select t.id from SlaTimer t where t.nextFireAt <= :now order by t.nextFireAt")
    List<UUID> dueBy(@Param("now") Instant now, Pageable page);

    @Query("select t.id from SlaTimer t where t.nextFireAt <= :now and t.gameId in :games order by t.nextFireAt")
    List<UUID> dueBy(@Param("now") Instant now, @Param("games") Collection<UUID> games, Pageable page);
}
