package org.playerdesk.routing.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface RoutingQueueRepository extends JpaRepository<RoutingQueue, UUID> {

    @Query("select q from RoutingQueue q where q.gameId = :gameId order by q.position, q.createdAt")
    List<RoutingQueue> inOrder(UUID gameId);

    @Query("select q from RoutingQueue q where q.gameId in :gameIds order by q.position, q.createdAt")
    List<RoutingQueue> inOrder(java.util.Collection<UUID> gameIds);

    /** Takes the queue's lock for one assignment (released at commit). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from RoutingQueue q where q.id = :id")
    Optional<RoutingQueue> lock(UUID id);

    /** Moves the round-robin cursor (the queue's row is locked by the caller). */
    @Modifying(flushAutomatically = true)
    @Query("update RoutingQueue q set q.lastStaffId = :staffId where q.id = :id")
    int servedLast(UUID id, UUID staffId);

    @Query("select distinct q.gameId from RoutingQueue q")
    List<UUID> gamesWithQueues();
}
