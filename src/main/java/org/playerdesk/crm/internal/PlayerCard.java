package org.playerdesk.crm.internal;

import java.util.List;

import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.player.PlayerNote;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.player.PlayerTag;
import org.playerdesk.player.Violation;

/**
 * What the panel and the player page show about a player. {@code revealed} says whether personal
 * data is shown in clear (after an audited reveal); until then the IP addresses in {@code game}
 * and {@code contactEmail} are masked. {@code mayReveal} says whether the viewer may ask.
 * {@code balances} name every currency and item the account holds in the reader's language;
 * {@code notices} are the messages the game delivered to the player, newest first.
 */
public record PlayerCard(PlayerSummary player, AccountSnapshot game, PlayerProfiles.Standing standing,
        List<PlayerTag> tags, List<PlayerNote> notes, List<Violation> violations, boolean mayReveal,
        boolean revealed, List<Balance> balances, List<InGameNotice> notices, String contactEmail) {

    /** A currency's or item's balance, by name. */
    public record Balance(String code, String name, boolean item, long amount) {
    }
}
