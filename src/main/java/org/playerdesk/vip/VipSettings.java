package org.playerdesk.vip;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.vip.*}: how often VIP players are visited and who counts as a valuable player
 * gone quiet.
 *
 * @param followUps the follow-up interval from each VIP level up: the highest level not above the
 *        player's applies; players below every level are not scheduled. Default: level 4 every 90
 *        days, level 7 every 30 days (monthly).
 * @param inactiveAfter how long without a login makes a valuable player inactive (default 30 days)
 * @param valuableRecharge the total recharge, in the game's smallest money unit, that makes a
 *        player valuable (default 100000, i.e. 1,000 yuan)
 */
@ConfigurationProperties("playerdesk.vip")
public record VipSettings(Map<Integer, Duration> followUps, Duration inactiveAfter, Long valuableRecharge) {

    public VipSettings {
        followUps = followUps == null || followUps.isEmpty() ? Map.of(4, Duration.ofDays(90), 7, Duration.ofDays(30))
                : Map.copyOf(followUps);
        inactiveAfter = inactiveAfter == null ? Duration.ofDays(30) : inactiveAfter;
        valuableRecharge = valuableRecharge == null ? 100_000L : valuableRecharge;
    }

    /** The follow-up interval for this VIP level, or null when the level is not visited. */
    public Duration followUpEvery(int vipLevel) {
        var entry = new TreeMap<>(followUps).floorEntry(vipLevel);
        return entry == null ? null : entry.getValue();
    }
}
