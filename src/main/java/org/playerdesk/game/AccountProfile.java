package org.playerdesk.game;

import java.time.Instant;
import java.util.Map;

/**
 * A game account as its backend describes it. {@code partnerChannel} is null for players who
 * came directly, otherwise the partner (联运渠道) they came through. {@code totalRecharge} is in
 * the game's smallest money unit (fen for RMB). {@code currencyBalance} is the primary currency's
 * balance; {@code balances} holds every currency and item the account has, by the
 * {@link Currency#code() code} the game names them (empty from connectors that know one balance).
 */
public record AccountProfile(String accountId, String nickname, String server, String roleName, int level,
        int vipLevel, long totalRecharge, long currencyBalance, Instant registeredAt, String registrationIp,
        String partnerChannel, AccountStatus status, Instant lastLoginAt, Map<String, Long> balances) {

    public AccountProfile {
        balances = balances == null ? Map.of() : Map.copyOf(balances);
    }

    public AccountProfile(String accountId, String nickname, String server, String roleName, int level, int vipLevel,
            long totalRecharge, long currencyBalance, Instant registeredAt, String registrationIp,
            String partnerChannel, AccountStatus status, Instant lastLoginAt) {
        this(accountId, nickname, server, roleName, level, vipLevel, totalRecharge, currencyBalance, registeredAt,
                registrationIp, partnerChannel, status, lastLoginAt, Map.of());
    }

    /** The same profile with its registration IP address as a viewer may see it. */
    public AccountProfile withRegistrationIp(String shown) {
        return new AccountProfile(accountId, nickname, server, roleName, level, vipLevel, totalRecharge,
                currencyBalance, registeredAt, shown, partnerChannel, status, lastLoginAt, balances);
    }

    public boolean partner() {
        return partnerChannel != null && !partnerChannel.isBlank();
    }

    /** The balance of a currency or item; the primary currency's when the game reports no balances by code. */
    public long balance(Currency currency) {
        Long held = balances.get(currency.code());
        return held != null ? held : currency.primary() ? currencyBalance : 0;
    }
}
