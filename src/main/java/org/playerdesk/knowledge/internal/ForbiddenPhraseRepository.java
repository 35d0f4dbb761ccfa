package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ForbiddenPhraseRepository extends JpaRepository<ForbiddenPhrase, UUID> {

    List<ForbiddenPhrase> findByGameIdOrderByPhraseAsc(UUID gameId);

    boolean existsByGameId(UUID gameId);

    void deleteByGameId(UUID gameId);
}
