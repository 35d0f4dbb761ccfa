package org.playerdesk.player.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.player.*} settings.
 *
 * @param tiers the VIP tiers, each reached by a total recharge (smallest money unit, fen) or a VIP
 *        level in the game, whichever comes first; the first tier is everyone's
 * @param goldFrom the tier from which a player is tagged gold_player (金牌玩家)
 * @param churnAfter how long a paying player may stay away before being tagged churn_risk
 */
@ConfigurationProperties("playerdesk.player")
public record PlayerProperties(List<TierRule> tiers, String goldFrom, Duration churnAfter) {

    public static final List<TierRule> DEFAULT_TIERS = List.of(new TierRule("standard", 0L, 0),
            new TierRule("silver", 100_000L, 4), new TierRule("gold", 1_000_000L, 8),
            new TierRule("diamond", 10_000_000L, 12));

    public PlayerProperties {
        tiers = tiers == null || tiers.isEmpty() ? DEFAULT_TIERS
                : tiers.stream().sorted(Comparator.comparingLong(TierRule::minRecharge)).toList();
        goldFrom = goldFrom == null ? "gold" : goldFrom;
        churnAfter = churnAfter == null ? Duration.ofDays(14) : churnAfter;
    }

    /**
     * @param code the tier's code (its name is translated as {@code tier.<code>})
     * @param minRecharge the total recharge that reaches it
     * @param minVipLevel the game VIP level that reaches it
     */
    public record TierRule(String code, Long minRecharge, Integer minVipLevel) {
        public TierRule {
            minRecharge = minRecharge == null ? Long.MAX_VALUE : minRecharge;
            minVipLevel = minVipLevel == null ? Integer.MAX_VALUE : minVipLevel;
        }
    }
}
