package org.playerdesk.player;

import java.util.List;

/**
 * A source of a player's violations (the enforcement records): every bean implementing it is
 * asked by the player panel and the player page; none means no violations are shown.
 */
public interface PlayerViolations {

    /** The player's violations, most recent first. */
    List<Violation> of(PlayerSummary player);
}
