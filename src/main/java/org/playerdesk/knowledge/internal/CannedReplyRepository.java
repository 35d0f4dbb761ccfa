package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CannedReplyRepository extends JpaRepository<CannedReply, UUID> {

    List<CannedReply> findByGameIdOrderByStageAscTitleAsc(UUID gameId);

    boolean existsByGameId(UUID gameId);
}
