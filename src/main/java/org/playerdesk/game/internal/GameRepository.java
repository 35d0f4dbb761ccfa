package org.playerdesk.game.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GameRepository extends JpaRepository<Game, UUID> {

    Optional<Game> findByCode(String code);

    List<Game> findAllByOrderByNameAsc();

    List<Game> findAllByIdInOrderByNameAsc(Collection<UUID> ids);
}
