package org.playerdesk.routing.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EscalationPathRepository extends JpaRepository<EscalationPath, UUID> {
}
