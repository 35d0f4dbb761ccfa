package org.playerdesk.enforcement.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ViolationRepository extends JpaRepository<Violation, UUID> {

    List<Violation> findByGameIdAndAccountIdOrderByRecordedAtDesc(UUID gameId, String accountId);

    long countByGameIdAndAccountIdAndViolationTypeId(UUID gameId, String accountId, UUID violationTypeId);

    List<Violation> findByGameIdInOrderByRecordedAtDesc(Collection<UUID> gameIds, Pageable page);

    List<Violation> findAllByOrderByRecordedAtDesc(Pageable page);
}
