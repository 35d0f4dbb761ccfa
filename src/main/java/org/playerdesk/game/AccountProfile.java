package org.playerdesk.game;

import java.time.Instant;

/**
 * A game account as its backend describes it. {@code partnerChannel} is null for players who
 * came directly, otherwise the partner (联运渠道) they came through. {@code totalRecharge} is in
 * the game's smallest money unit (fen for RMB).
 */
public record AccountProfile(String accountId, String nickname, String server, String roleName, int level,
        int vipLevel, long totalRecharge, long currencyBalance, Instant registeredAt, String registrationIp,
        String partnerChannel, AccountStatus status, Instant lastLoginAt) {

    public boolean partner() {
        return partnerChannel != null && !partnerChannel.isBlank();
    }
}
