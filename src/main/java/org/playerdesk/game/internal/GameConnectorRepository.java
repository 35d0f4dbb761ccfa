package org.playerdesk.game.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GameConnectorRepository extends JpaRepository<GameConnector, UUID> {

    Optional<GameConnector> findByGameId(UUID gameId);
}
