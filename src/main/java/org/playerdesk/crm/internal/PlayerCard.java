package org.playerdesk.crm.internal;

import java.util.List;

import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.player.PlayerNote;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.player.PlayerTag;
import org.playerdesk.player.Violation;

/**
 * What the panel and the player page show about a player. {@code revealed} says whether personal
 * data is shown in clear (after an audited reveal); {@code mayReveal} whether the viewer may ask.
 */
public record PlayerCard(PlayerSummary player, AccountSnapshot game, PlayerProfiles.Standing standing,
        List<PlayerTag> tags, List<PlayerNote> notes, List<Violation> violations, boolean mayReveal,
        boolean revealed) {
}
