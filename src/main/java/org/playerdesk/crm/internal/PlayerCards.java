package org.playerdesk.crm.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountSnapshot;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.NotFoundException;
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
    private final StaffDirectory staff;
    private final PersonalData personalData;

    PlayerCards(PlayerDirectory players, PlayerProfiles profiles, GameAccounts accounts, AuditLog audit,
            StaffDirectory staff, PersonalData personalData) {
        this.players = players;
        this.profiles = profiles;
        this.accounts = accounts;
        this.audit = audit;
        this.staff = staff;
        this.personalData = personalData;
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
        // read afresh: an individual grant or its withdrawal applies at once, not at the next sign-in
        boolean allowed = staff.get(viewer.id()).can(Permission.VIEW_PERSONAL_DATA);
        if (reveal) {
            if (!allowed) {
                throw new AccessDeniedException("not allowed to see personal data");
            }
            audit.record(viewer.member(), player.gameId(), "pii.view", "player", player.id().toString(),
                    "account " + player.accountId() + ": " + REVEALED_FIELDS);
        }
        AccountSnapshot game = accounts.snapshot(player.gameId(), player.accountId());
        var standing = profiles.standing(player, game.profile());
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<PlayerCard.Balance> balances = game.profile() == null ? List.of()
                : game.currencies().stream().map(c -> new PlayerCard.Balance(c.code(), c.name(locale), c.item(),
                        game.profile().balance(c))).toList();
        // masked here, before the page sees them: a template shows what it is given
        AccountSnapshot shown = reveal ? game : game.withIps(personalData::ip);
        String email = reveal ? player.contactEmail() : personalData.email(player.contactEmail());
        return new PlayerCard(player, shown, standing,
                profiles.tags(player, standing), profiles.notes(player.id()), profiles.violations(player),
                allowed, reveal, balances, game.notices(), email);
    }
}
