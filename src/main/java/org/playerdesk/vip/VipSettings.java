package org.playerdesk.vip;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.vip.*}: how often VIP players are visited and who counts as a valuable player
 * gone quiet.
 *
 * @param followUps the follow-up interval per VIP tier (the tiers of {@code playerdesk.player.tiers});
 *        a tier not listed is not visited. Default: silver every 90 days, gold and diamond monthly.
 * @param inactiveAfter how long without a login makes a valuable player inactive (default 30 days)
 * @param valuableRecharge the total recharge, in the game's smallest money unit, that makes a
 *        player valuable (default 100000, i.e. 1,000 yuan)
 */
@ConfigurationProperties("playerdesk.vip")
public record VipSettings(Map<String, Duration> followUps, Duration inactiveAfter, Long valuableRecharge) {

    public VipSettings {
        followUps = followUps == null || followUps.isEmpty()
                ? Map.of("silver", Duration.ofDays(90), "gold", Duration.ofDays(30), "diamond", Duration.ofDays(30))
                : Map.copyOf(followUps);
        inactiveAfter = inactiveAfter == null ? Duration.ofDays(30) : inactiveAfter;
        valuableRecharge = valuableRecharge == null ? 100_000L : valuableRecharge;
    }

    /** The follow-up interval for this VIP tier, or null when the tier is not visited. */
    public Duration followUpEvery(String tier) {
        return tier == null ? null : followUps.get(tier);
    }
}
