package org.playerdesk.player;

import java.time.Instant;

/**
 * A tag on a player: given by staff, or {@code automatic} from the rules (gold_player: a tier of
 * gold or above; churn_risk: a paying player not seen for a while). Automatic tags have no author.
 */
public record PlayerTag(String tag, boolean automatic, String addedBy, Instant addedAt) {

    public static final String GOLD_PLAYER = "gold_player";
    public static final String CHURN_RISK = "churn_risk";
}
