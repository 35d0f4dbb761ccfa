package org.playerdesk.assist.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExampleRepository extends JpaRepository<Example, UUID> {

    @Query("select e from Example e where e.gameId = ?1 and e.labeledAt is not null order by e.labeledAt desc")
    List<Example> labeled(UUID gameId, Pageable page);

    @Query("select distinct e.gameId from Example e where e.labeledAt is not null")
    List<UUID> gamesWithLabels();
}
