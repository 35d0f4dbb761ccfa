package org.playerdesk.enforcement.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InGameNoticeRepository extends JpaRepository<InGameNoticeRecord, UUID> {

    Optional<InGameNoticeRecord> findByIdempotencyKey(String key);

    List<InGameNoticeRecord> findByTicketIdOrderBySentAtAsc(UUID ticketId);

    List<InGameNoticeRecord> findByActionId(UUID actionId);

    List<InGameNoticeRecord> findByViolationIdIn(Collection<UUID> violationIds);

    List<InGameNoticeRecord> findByGameIdAndAccountIdOrderBySentAtDesc(UUID gameId, String accountId);
}
