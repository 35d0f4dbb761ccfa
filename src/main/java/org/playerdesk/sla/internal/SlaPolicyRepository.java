package org.playerdesk.sla.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaPolicyRepository extends JpaRepository<SlaPolicy, UUID> {

    List<SlaPolicy> findByGameIdOrderByPositionAsc(UUID gameId);

    boolean existsByCalendarId(UUID calendarId);
}
