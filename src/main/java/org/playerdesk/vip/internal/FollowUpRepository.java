package org.playerdesk.vip.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUpRepository extends JpaRepository<FollowUp, UUID> {

    List<FollowUp> findByVipPlayerIdOrderByDoneAtDesc(UUID vipPlayerId);
}
