package org.playerdesk.enforcement.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.enforcement.ActionState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountActionRepository extends JpaRepository<AccountAction, UUID> {

    Optional<AccountAction> findByRequestKey(String requestKey);

    List<AccountAction> findByTicketIdOrderByRequestedAtAsc(UUID ticketId);

    List<AccountAction> findByStateAndGameIdInOrderByRequestedAtAsc(ActionState state, Collection<UUID> gameIds);

    List<AccountAction> findByStateOrderByRequestedAtAsc(ActionState state);

    List<AccountAction> findByRequestedByOrderByRequestedAtDesc(UUID requestedBy, Pageable page);
}
