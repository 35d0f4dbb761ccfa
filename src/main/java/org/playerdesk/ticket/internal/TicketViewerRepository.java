package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TicketViewerRepository extends JpaRepository<TicketViewer, UUID> {

    /** Refreshes a member's row; 0 when they have none yet. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update TicketViewer v set v.staffName = :name, v.replying = :replying, v.seenAt = :at"
            + " where v.ticketId = :ticketId and v.staffId = :staffId")
    int refresh(UUID ticketId, UUID staffId, String name, boolean replying, Instant at);

    /** Everyone but {@code staffId} whose page was heard from at or after {@code since}, by name. */
    @Query("select v from TicketViewer v where v.ticketId = :ticketId and v.staffId <> :staffId"
            + " and v.seenAt >= :since order by v.staffName, v.staffId")
    List<TicketViewer> presentBesides(UUID ticketId, UUID staffId, Instant since);

    @Modifying
    @Query("delete from TicketViewer v where v.ticketId = :ticketId and v.staffId = :staffId")
    int leave(UUID ticketId, UUID staffId);

    @Modifying
    @Query("delete from TicketViewer v where v.seenAt < :before")
    int forgetSilentSince(Instant before);
}
