package org.playerdesk.vip.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VipPlayerRepository extends JpaRepository<VipPlayer, UUID> {

    Optional<VipPlayer> findByGameIdAndAccountId(UUID gameId, String accountId);

    Optional<VipPlayer> findByGameIdAndEntryTokenHash(UUID gameId, String entryTokenHash);

    List<VipPlayer> findByGameIdInAndNextFollowUpAtLessThanEqualOrderByNextFollowUpAt(Collection<UUID> gameIds,
            Instant before);

    List<VipPlayer> findByNextFollowUpAtLessThanEqualOrderByNextFollowUpAt(Instant before);

    List<VipPlayer> findByGameIdOrderByAccountId(UUID gameId);
}
