package org.playerdesk.routing.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface WeeklyShiftRepository extends JpaRepository<WeeklyShift, UUID> {

    @Modifying(flushAutomatically = true)
    @Query("delete from WeeklyShift s where s.staffId = :staffId")
    void deleteOf(UUID staffId);
}
