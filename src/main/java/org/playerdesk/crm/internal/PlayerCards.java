package org.playerdesk.crm.internal;

import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Puts a player's card together for a viewer, and reveals personal data with an audit entry. */
@Component
class PlayerCards {

    static final String REVEALED_FIELDS = "registration IP, login IPs, contact email";

    private final PlayerDirectory players;
    private final PlayerProfiles profiles;
    private final GameAccounts accounts;
    private final AuditLog audit;

    PlayerCards(PlayerDirectory players, PlayerProfiles profiles, GameAccounts accounts, AuditLog audit) {
        this.players = players;
        this.profiles = profiles;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The player, if the viewer serves their game; else not found (no hint that it exists). */
    PlayerSummary visible(UUID playerId, StaffUser viewer) {
        PlayerSummary player = players.get(playerId);
        if (!viewer.serves(player.gameId())) {
            throw new NotFoundException("player", playerId);
        }
        return player;
    }

    PlayerCard card(PlayerSummary player, StaffUser viewer, boolean reveal) {
        if (reveal) {
            if (!viewer.can(Permission.VIEW_PERSONAL_DATA)) {
                throw new AccessDeniedException("not allowed to see personal data");
            }
            audit.record(viewer.member(), player.gameId(), "pii.view", "player", player.id().toString(),
                    "account " + player.accountId() + ": " + REVEALED_FIELDS);
        }
        AccountSnapshot game = accounts.snapshot(player.gameId(), player.accountId());
        var standing = profiles.standing(player, game.profile());
        return new PlayerCard(player, game, standing,
                profiles.tags(player, standing), profiles.notes(player.id()), profiles.violations(player),
                viewer.can(Permission.VIEW_PERSONAL_DATA), reveal);
    }
}
