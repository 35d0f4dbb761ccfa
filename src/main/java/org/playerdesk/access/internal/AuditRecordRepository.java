package org.playerdesk.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRecordRepository extends JpaRepository<AuditRecord, UUID> {

    List<AuditRecord> findBySubjectKindAndSubjectIdOrderByAtDesc(String subjectKind, String subjectId, Pageable page);

    List<AuditRecord> findAllByOrderByAtDesc(Pageable page);

    List<AuditRecord> findByGameIdInOrderByAtDesc(Collection<UUID> gameIds, Pageable page);
}
