package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.Presence;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ChatAgentRepository extends JpaRepository<ChatAgent, UUID> {

    List<ChatAgent> findByPresence(Presence presence);

    /** Agents who count as present (online or busy) but whose console has been silent since {@code before}. */
    @Query("select a.staffId from ChatAgent a where a.presence in :present and a.lastSeenAt < :before")
    List<UUID> silentSince(Collection<Presence> present, Instant before);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ChatAgent a where a.staffId = :staffId")
    Optional<ChatAgent> lockById(UUID staffId);

    @Modifying
    @Query("update ChatAgent a set a.lastSeenAt = :now where a.staffId = :staffId")
    int seen(UUID staffId, Instant now);
}
