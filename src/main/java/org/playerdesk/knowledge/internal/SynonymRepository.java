package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SynonymRepository extends JpaRepository<Synonym, UUID> {

    List<Synonym> findByGameId(UUID gameId);

    void deleteByGameId(UUID gameId);
}
