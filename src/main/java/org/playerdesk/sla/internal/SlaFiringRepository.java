package org.playerdesk.sla.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.sla.SlaTarget;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaFiringRepository extends JpaRepository<SlaFiring, UUID> {

    List<SlaFiring> findByTicketIdOrderByFiredAtAsc(UUID ticketId);

    List<SlaFiring> findByTicketIdAndTargetAndKindAndActionsDoneAtIsNull(UUID ticketId, SlaTarget target,
            String kind);
}
