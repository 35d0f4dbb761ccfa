package org.playerdesk.player;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.player.internal.Player;
import org.playerdesk.player.internal.PlayerRepository;
import org.playerdesk.system.database.SqlReads;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Players per game account. */
@Service
@Transactional(readOnly = true)
public class PlayerDirectory {

    public static final int ACCOUNT_ID_MAX = 64;

    private final PlayerRepository players;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final SqlReads sqlReads;

    PlayerDirectory(PlayerRepository players, Clock clock, JdbcTemplate jdbc, SqlReads sqlReads) {
        this.players = players;
        this.clock = clock;
        this.jdbc = jdbc;
        this.sqlReads = sqlReads;
    }

    /**
     * The player with this account in this game, created on first contact; what they now say
     * about their nickname, server and role (and contact email) is kept as the latest. Two first
     * contacts from the same new account may race: the unique key lets one win and the other's
     * transaction fails, to be retried by its caller.
     */
    @Transactional
    public PlayerSummary matchOrCreate(UUID gameId, PlayerIdentity identity, String contactEmail) {
        Optional<Player> known = players.findByGameIdAndAccountId(gameId, identity.accountId());
        if (known.isEmpty()) {
            // everything in the one insert: a change after persisting would be an update of its own
            return players.save(new Player(gameId, identity, contactEmail, clock.instant())).summary();
        }
        known.get().update(identity, contactEmail, clock.instant());
        return known.get().summary();
    }

    /**
     * The game's player who gave this contact email, as written or in lower case (an index lookup),
     * the first one known if several did.
     */
    public Optional<PlayerSummary> findByContactEmail(UUID gameId, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String given = email.strip();
        return players.findByContactEmail(gameId, given, given.toLowerCase(java.util.Locale.ROOT),
                org.springframework.data.domain.Limit.of(1)).stream().findFirst().map(Player::summary);
    }

    public Optional<PlayerSummary> find(UUID gameId, String accountId) {
        return players.findByGameIdAndAccountId(gameId, accountId).map(Player::summary);
    }

    /**
     * The players with exactly this account id in the given games (null: all games); a search box
     * uses it, so a blank or over-long account id finds nobody instead of failing.
     */
    public List<UUID> idsByAccount(Set<UUID> gameScope, String accountId) {
        if (accountId == null || accountId.isBlank() || accountId.strip().length() > ACCOUNT_ID_MAX
                || (gameScope != null && gameScope.isEmpty())) {
            return List.of();
        }
        String account = accountId.strip();
        return gameScope == null ? players.findIdsByAccountId(account)
                : players.findIdsByAccountIdInGames(account, gameScope);
    }

    /**
     * Anonymises the player's record (their data erased): nickname, server, role and contact email
     * go and the account id becomes {@code erased-<id>}; the record stays for the tickets that
     * refer to it. Whether there was such a player.
     */
    @Transactional
    public boolean anonymise(UUID id) {
        return players.findById(id).map(player -> {
            player.anonymise(clock.instant());
            return true;
        }).orElse(false);
    }

    /** One player, read with one query (listeners read the player of every new ticket). */
    public PlayerSummary get(UUID id) {
        sqlReads.flushPending();
        return jdbc.query("select id, game_id, account_id, nickname, server, role_name, contact_email, created_at "
                + "from player where id = ?", (row, i) -> new PlayerSummary(row.getObject(1, UUID.class),
                        row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getTimestamp(8).toInstant()), id)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("player", id));
    }

    public Map<UUID, PlayerSummary> byIds(Collection<UUID> ids) {
        return players.findAllById(ids).stream().map(Player::summary)
                .collect(Collectors.toMap(PlayerSummary::id, Function.identity()));
    }
}
