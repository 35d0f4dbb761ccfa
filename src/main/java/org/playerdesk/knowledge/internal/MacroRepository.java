package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface MacroRepository extends JpaRepository<Macro, UUID> {

    List<Macro> findByGameIdOrderByNameAsc(UUID gameId);

    boolean existsByGameId(UUID gameId);
}
