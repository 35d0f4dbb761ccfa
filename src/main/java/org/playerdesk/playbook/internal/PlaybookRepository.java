package org.playerdesk.playbook.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlaybookRepository extends JpaRepository<Playbook, UUID> {

    List<Playbook> findByGameIdOrderByCode(UUID gameId);

    boolean existsByGameId(UUID gameId);
}
