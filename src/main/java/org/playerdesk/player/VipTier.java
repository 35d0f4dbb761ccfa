package org.playerdesk.player;

/**
 * A player's VIP tier (e.g. standard, silver, gold, diamond), from the rules of
 * {@code playerdesk.player.tiers}: {@code rank} 0 is the lowest. {@code known} is false when the
 * game has never told us the player's figures.
 */
public record VipTier(String code, int rank, boolean known) {

    public static final VipTier UNKNOWN = new VipTier("standard", 0, false);
}
