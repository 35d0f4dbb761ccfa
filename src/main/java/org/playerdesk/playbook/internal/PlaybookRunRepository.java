package org.playerdesk.playbook.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaybookRunRepository extends JpaRepository<PlaybookRun, UUID> {

    Optional<PlaybookRun> findByTicketId(UUID ticketId);
}
