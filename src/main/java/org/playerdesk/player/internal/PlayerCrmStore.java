package org.playerdesk.player.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.player.PlayerNote;
import org.playerdesk.player.PlayerTag;
import org.playerdesk.system.entity.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Tags, notes and last known game figures of players. */
@Component
public class PlayerCrmStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    PlayerCrmStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public List<PlayerTag> tags(UUID playerId) {
        return jdbc.sql("select tag, added_by, added_at from player_tag where player_id = ? order by added_at, tag")
                .param(playerId)
                .query((rs, n) -> new PlayerTag(rs.getString("tag"), false, rs.getString("added_by"),
                        instant(rs, "added_at")))
                .list();
    }

    /** Adds the tag unless the player has it already; whether it was added. */
    public boolean addTag(UUID playerId, String tag, String by, Instant now) {
        return jdbc.sql("insert into player_tag (player_id, tag, added_by, added_at) select ?, ?, ?, ? "
                + "where not exists (select 1 from player_tag where player_id = ? and tag = ?)")
                .params(playerId, tag, by, at(now), playerId, tag).update() > 0;
    }

    public boolean removeTag(UUID playerId, String tag) {
        return jdbc.sql("delete from player_tag where player_id = ? and tag = ?").params(playerId, tag).update() > 0;
    }

    public List<PlayerNote> notes(UUID playerId) {
        return jdbc.sql("select id, body, author_name, created_at from player_note where player_id = ? "
                + "order by created_at desc, id desc").param(playerId)
                .query((rs, n) -> new PlayerNote(rs.getObject("id", UUID.class), rs.getString("body"),
                        rs.getString("author_name"), instant(rs, "created_at")))
                .list();
    }

    /** Deletes the player's notes (a player's data erased); how many. */
    public int deleteNotes(UUID playerId) {
        return jdbc.sql("delete from player_note where player_id = ?").param(playerId).update();
    }

    /** Deletes the player's tags (a player's data erased); how many. */
    public int deleteTags(UUID playerId) {
        return jdbc.sql("delete from player_tag where player_id = ?").param(playerId).update();
    }

    public PlayerNote addNote(UUID playerId, String body, UUID authorId, String authorName, Instant now) {
        UUID id = Ids.next();
        jdbc.sql("insert into player_note (id, player_id, body, author_id, author_name, created_at) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, playerId, body, authorId, authorName, at(now)).update();
        return new PlayerNote(id, body, authorName, now);
    }

    /** The last figures the game gave about a player. */
    public record Standing(long totalRecharge, int vipLevel, Instant lastLoginAt, String tier, Instant updatedAt) {
    }

    /**
     * The game's players whose last known total recharge reaches {@code minRecharge} and whose last
     * known login is before {@code before}, longest gone first.
     */
    public List<org.playerdesk.player.PlayerProfiles.QuietPlayer> quiet(UUID gameId, long minRecharge, Instant before,
            int offset, int limit) {
        return jdbc.sql("select p.id, p.account_id, p.nickname, s.last_login_at, s.total_recharge "
                + "from player_standing s join player p on p.id = s.player_id "
                + "where p.game_id = ? and s.total_recharge >= ? and s.last_login_at < ? "
                + "order by s.last_login_at, p.account_id limit ? offset ?")
                .params(gameId, minRecharge, at(before), limit, offset)
                .query((rs, n) -> new org.playerdesk.player.PlayerProfiles.QuietPlayer(rs.getObject("id", UUID.class),
                        rs.getString("account_id"), rs.getString("nickname"), instant(rs, "last_login_at"),
                        rs.getLong("total_recharge")))
                .list();
    }

    public Optional<Standing> standing(UUID playerId) {
        return jdbc.sql("select total_recharge, vip_level, last_login_at, tier, updated_at from player_standing "
                + "where player_id = ?").param(playerId)
                .query((rs, n) -> new Standing(rs.getLong("total_recharge"), rs.getInt("vip_level"),
                        instant(rs, "last_login_at"), rs.getString("tier"), instant(rs, "updated_at")))
                .optional();
    }

    /**
     * Keeps the figures in a transaction of its own, and only when the caller has none: they are a
     * copy of the game's, and waiting on a caller's uncommitted player row could deadlock.
     */
    public void keepStanding(UUID playerId, Standing standing) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        keepStandingOfStoredPlayer(playerId, standing);
    }

    /**
     * Keeps the figures in a transaction of its own even inside a caller's: only for a player
     * whose row was stored (committed) before the caller's transaction began.
     */
    public void keepStandingOfStoredPlayer(UUID playerId, Standing standing) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (updateStanding(playerId, standing) == 0) {
                    jdbc.sql("insert into player_standing (player_id, total_recharge, vip_level, last_login_at, "
                            + "tier, updated_at) values (?, ?, ?, ?, ?, ?)")
                            .params(playerId, standing.totalRecharge(), standing.vipLevel(),
                                    at(standing.lastLoginAt()), standing.tier(), at(standing.updatedAt())).update();
                }
            });
        } catch (DuplicateKeyException raced) {
            // another view inserted the figures at the same moment: write ours over them once theirs are
            // committed, so that whoever reads after this call returns finds them
            ownTransaction.executeWithoutResult(status -> updateStanding(playerId, standing));
        }
    }

    private int updateStanding(UUID playerId, Standing standing) {
        return jdbc.sql("update player_standing set total_recharge = ?, vip_level = ?, "
                + "last_login_at = ?, tier = ?, updated_at = ? where player_id = ?")
                .params(standing.totalRecharge(), standing.vipLevel(), at(standing.lastLoginAt()),
                        standing.tier(), at(standing.updatedAt()), playerId).update();
    }
}
