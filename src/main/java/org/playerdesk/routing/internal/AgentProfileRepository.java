package org.playerdesk.routing.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface AgentProfileRepository extends JpaRepository<AgentProfile, UUID> {

    /** Locks the agents' rows, always in the same order, so that two assignments never deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AgentProfile a where a.staffId in :staffIds order by a.staffId")
    List<AgentProfile> lock(Collection<UUID> staffIds);

    /**
     * Creates the agent's row with the defaults unless it exists; of two creations at once, one
     * fails on the key and its transaction is tried again.
     */
    @Modifying
    @Query(value = "insert into routing_agent (staff_id, languages, capacity, time_zone, version)"
            + " select :staffId, '', :capacity, :zone, 0 where not exists"
            + " (select 1 from routing_agent where staff_id = :staffId)", nativeQuery = true)
    int createIfMissing(UUID staffId, int capacity, String zone);
}
