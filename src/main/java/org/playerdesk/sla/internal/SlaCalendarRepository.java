package org.playerdesk.sla.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaCalendarRepository extends JpaRepository<SlaCalendar, UUID> {

    List<SlaCalendar> findByGameIdOrderByNameAsc(UUID gameId);
}
