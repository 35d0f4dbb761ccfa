package org.playerdesk.player;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's players by what support knows of them, a page at a time in id order, for a campaign's
 * segment: server, VIP tier, total recharge and last login as the game last told them, and tags
 * given by staff. Read from the stored figures without asking the game, so that 100,000 players
 * are one pass.
 */
@Service
@Transactional(readOnly = true)
public class PlayerSegments {

    /** What a segment may ask of the player record; null or empty: not asked. */
    public record Criteria(String server, Collection<String> tiers, Long minRecharge, Instant lastLoginBefore,
            Collection<String> tags) {
    }

    /** A player as a campaign needs them. */
    public record Member(UUID playerId, String accountId, String nickname, String server, String contactEmail,
            String tier, Long totalRecharge, Instant lastLoginAt) {
    }

    private final JdbcClient jdbc;

    PlayerSegments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next {@code limit} players of the game after {@code after} (null: from the first) that meet the criteria. */
    public List<Member> page(UUID gameId, Criteria criteria, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select p.id, p.account_id, p.nickname, p.server, p.contact_email, "
                + "s.tier, s.total_recharge, s.last_login_at from player p "
                + "left join player_standing s on s.player_id = p.id where p.game_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(gameId);
        if (after != null) {
            sql.append(" and p.id > ?");
            params.add(after);
        }
        if (criteria.server() != null) {
            sql.append(" and p.server = ?");
            params.add(criteria.server());
        }
        if (criteria.tiers() != null && !criteria.tiers().isEmpty()) {
            sql.append(" and s.tier in (").append(marks(criteria.tiers().size())).append(')');
            params.addAll(criteria.tiers());
        }
        if (criteria.minRecharge() != null) {
            sql.append(" and s.total_recharge >= ?");
            params.add(criteria.minRecharge());
        }
        if (criteria.lastLoginBefore() != null) {
            sql.append(" and s.last_login_at < ?");
            params.add(java.sql.Timestamp.from(criteria.lastLoginBefore()));
        }
        if (criteria.tags() != null && !criteria.tags().isEmpty()) {
            sql.append(" and exists (select 1 from player_tag t where t.player_id = p.id and t.tag in (")
                    .append(marks(criteria.tags().size())).append("))");
            params.addAll(criteria.tags());
        }
        sql.append(" order by p.id limit ?");
        params.add(Math.max(1, limit));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            java.sql.Timestamp login = rs.getTimestamp("last_login_at");
            long recharge = rs.getLong("total_recharge");
            return new Member(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("nickname"),
                    rs.getString("server"), rs.getString("contact_email"), rs.getString("tier"),
                    rs.wasNull() ? null : recharge, login == null ? null : login.toInstant());
        }).list();
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
