package org.playerdesk.enforcement.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.enforcement.GroupState;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupSanctionRepository extends JpaRepository<GroupSanction, UUID> {

    Optional<GroupSanction> findByRequestKey(String requestKey);

    List<GroupSanction> findByStateOrderByRequestedAtAsc(GroupState state);

    List<GroupSanction> findByStateAndGameIdInOrderByRequestedAtAsc(GroupState state, Collection<UUID> gameIds);

    List<GroupSanction> findByRequestedByOrderByRequestedAtDesc(UUID requestedBy, Pageable page);
}
