package org.playerdesk.department.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.department.RequestState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DepartmentRequestRepository extends JpaRepository<DepartmentRequest, UUID> {

    List<DepartmentRequest> findByTicketIdOrderByAskedAtDesc(UUID ticketId);

    List<DepartmentRequest> findByAskedByAndStateOrderByDueAtAsc(UUID askedBy, RequestState state);

    boolean existsByTicketIdAndState(UUID ticketId, RequestState state);

    boolean existsByTicketIdAndDepartmentIdAndState(UUID ticketId, UUID departmentId, RequestState state);

    Optional<DepartmentRequest> findByReplyTokenHash(String replyTokenHash);

    List<DepartmentRequest> findByDepartmentIdInAndStateOrderByDueAtAsc(Collection<UUID> departmentIds,
            RequestState state);

    /** Open questions past their deadline not yet marked overdue, the oldest deadline first. */
    @Query("select r from DepartmentRequest r where r.state = :open and r.dueAt <= :now and r.overdueAt is null "
            + "order by r.dueAt")
    List<DepartmentRequest> pastDue(RequestState open, Instant now, Pageable page);

    /**
     * Claims the overdue mark: 1 for the one node that set it, 0 for every other (or when the
     * question was answered meanwhile).
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update DepartmentRequest r set r.overdueAt = :now where r.id = :id and r.overdueAt is null "
            + "and r.state = :open")
    int claimOverdue(UUID id, Instant now, RequestState open);
}
