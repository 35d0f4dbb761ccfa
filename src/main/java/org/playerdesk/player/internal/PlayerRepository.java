package org.playerdesk.player.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlayerRepository extends JpaRepository<Player, UUID> {

    Optional<Player> findByGameIdAndAccountId(UUID gameId, String accountId);

    @Query("select p.id from Player p where p.accountId = :accountId")
    List<UUID> findIdsByAccountId(String accountId);

    @Query("select p.id from Player p where p.accountId = :accountId and p.gameId in :gameIds")
    List<UUID> findIdsByAccountIdInGames(String accountId, Collection<UUID> gameIds);

    @Query("select p from Player p where p.gameId = :gameId and p.contactEmail in :emails order by p.createdAt")
    List<Player> findByContactEmail(UUID gameId, Collection<String> emails, org.springframework.data.domain.Limit limit);
}
