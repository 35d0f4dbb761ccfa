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

    /**
     * The players whose contact email is the address as given or in lower case, the earliest
     * first. Two single values rather than a list: Hibernate translates a query with a list
     * parameter again on every call, which made this lookup of every new mail sender as costly as
     * writing the sender's ticket.
     */
    @Query("select p from Player p where p.gameId = :gameId and (p.contactEmail = :given or p.contactEmail = :lower)"
            + " order by p.createdAt")
    List<Player> findByContactEmail(UUID gameId, String given, String lower, org.springframework.data.domain.Limit limit);
}
