package org.playerdesk.player;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.player.internal.PlayerCrmStore;
import org.playerdesk.player.internal.PlayerProperties;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What support knows about a player beyond who they are: the VIP tier (from the game's figures and
 * the rules of {@code playerdesk.player.tiers}), tags (given by staff, and gold_player and
 * churn_risk from rules), notes by staff, and violations from the {@link PlayerViolations}
 * sources. The tier is computed from the game's current figures when its backend answers, else
 * from the last figures it gave.
 */
@Service
@EnableConfigurationProperties(PlayerProperties.class)
public class PlayerProfiles {

    public static final int TAG_MAX = 30;
    public static final int NOTE_MAX = 2000;
    private static final String TAG = "[\\p{L}\\p{N}_\\- ]+";

    private final PlayerDirectory players;
    private final PlayerCrmStore store;
    private final GameAccounts accounts;
    private final PlayerProperties properties;
    private final List<PlayerViolations> violationSources;
    private final Clock clock;
    private final InputValidation validation;

    PlayerProfiles(PlayerDirectory players, PlayerCrmStore store, GameAccounts accounts, PlayerProperties properties,
            List<PlayerViolations> violationSources, Clock clock, InputValidation validation) {
        this.validation = validation;
        this.players = players;
        this.store = store;
        this.accounts = accounts;
        this.properties = properties;
        this.violationSources = violationSources;
        this.clock = clock;
    }

    /** The tier these figures reach. */
    public VipTier tierOf(long totalRecharge, int vipLevel) {
        List<PlayerProperties.TierRule> rules = properties.tiers();
        int rank = 0;
        for (int i = 0; i < rules.size(); i++) {
            if (totalRecharge >= rules.get(i).minRecharge() || vipLevel >= rules.get(i).minVipLevel()) {
                rank = i;
            }
        }
        return new VipTier(rules.get(rank).code(), rank, true);
    }

    /** The codes of the tiers, lowest first. */
    public List<String> tierCodes() {
        return properties.tiers().stream().map(PlayerProperties.TierRule::code).toList();
    }

    /** The player's tier now (asks the game, cached briefly), or from the last figures known. */
    public VipTier tier(UUID playerId) {
        return standing(players.get(playerId)).tier();
    }

    /** A player's figures and tier, as the game gives them now or last gave them. */
    public record Standing(VipTier tier, Long totalRecharge, Integer vipLevel, Instant lastLoginAt, boolean live) {
    }

    public Standing standing(PlayerSummary player) {
        return standing(player, accounts.profile(player.gameId(), player.accountId()).orElse(null));
    }

    /** The standing from a profile the caller has just read (null: the game did not answer). */
    public Standing standing(PlayerSummary player, AccountProfile profile) {
        if (profile != null) {
            AccountProfile p = profile;
            VipTier tier = tierOf(p.totalRecharge(), p.vipLevel());
            store.keepStanding(player.id(), new PlayerCrmStore.Standing(p.totalRecharge(), p.vipLevel(),
                    p.lastLoginAt(), tier.code(), clock.instant()));
            return new Standing(tier, p.totalRecharge(), p.vipLevel(), p.lastLoginAt(), true);
        }
        return store.standing(player.id()).map(s -> {
            VipTier tier = tierOf(s.totalRecharge(), s.vipLevel());
            return new Standing(tier, s.totalRecharge(), s.vipLevel(), s.lastLoginAt(), false);
        }).orElse(new Standing(VipTier.UNKNOWN, null, null, null, false));
    }

    /**
     * Keeps the figures the game just gave for a player found in the directory (stored before the
     * caller's transaction), for the lists that must not ask the game.
     */
    public void remember(PlayerSummary player, AccountProfile profile) {
        store.keepStandingOfStoredPlayer(player.id(), new PlayerCrmStore.Standing(profile.totalRecharge(),
                profile.vipLevel(), profile.lastLoginAt(), tierOf(profile.totalRecharge(), profile.vipLevel()).code(),
                clock.instant()));
    }

    /** A player gone quiet, by the figures last known from the game. */
    public record QuietPlayer(UUID playerId, String accountId, String nickname, Instant lastLoginAt,
            long totalRecharge) {
    }

    /**
     * The game's players whose last known total recharge reaches {@code minRecharge} and whose last
     * known login is before {@code lastLoginBefore}, longest gone first; read from the figures kept
     * each time the game answered about a player, without asking the game.
     */
    public List<QuietPlayer> goneQuiet(UUID gameId, long minRecharge, Instant lastLoginBefore, int offset,
            int limit) {
        return store.quiet(gameId, minRecharge, lastLoginBefore, Math.max(0, offset), Math.max(1, limit));
    }

    /** Tags given by staff and the automatic ones (gold_player, churn_risk), automatic first. */
    public List<PlayerTag> tags(PlayerSummary player, Standing standing) {
        List<PlayerTag> tags = new ArrayList<>();
        int goldRank = tierCodes().indexOf(properties.goldFrom());
        if (standing.tier().known() && goldRank >= 0 && standing.tier().rank() >= goldRank) {
            tags.add(new PlayerTag(PlayerTag.GOLD_PLAYER, true, null, null));
        }
        if (standing.totalRecharge() != null && standing.totalRecharge() > 0 && standing.lastLoginAt() != null
                && standing.lastLoginAt().isBefore(clock.instant().minus(properties.churnAfter()))) {
            tags.add(new PlayerTag(PlayerTag.CHURN_RISK, true, null, null));
        }
        for (PlayerTag given : store.tags(player.id())) {
            if (tags.stream().noneMatch(t -> t.tag().equals(given.tag()))) {
                tags.add(given);
            }
        }
        return tags;
    }

    public List<PlayerTag> tags(UUID playerId) {
        PlayerSummary player = players.get(playerId);
        return tags(player, standing(player));
    }

    /** A tag given by staff, without the blanks around it. */
    record GivenTag(
            @NotBlank(message = "{invalid.blank}") @Size(max = TAG_MAX, message = "{invalid.tooLong}") @SingleLine
            @Pattern(regexp = TAG, message = "{invalid.playerTag}") String tag) {
    }

    /** A note by staff: text of several lines, without the blanks around it. */
    record NoteText(
            @NotBlank(message = "{invalid.blank}") @Size(max = NOTE_MAX, message = "{invalid.tooLong}") @PlainText
            String body) {
    }

    /** Tags the player by hand: 1 to 30 letters, digits, spaces, dashes or underscores. */
    public void tag(UUID playerId, String tag, StaffMember by) {
        players.get(playerId);
        String checked = validation.check(new GivenTag(tidy(tag))).tag();
        store.addTag(playerId, checked, by.username(), clock.instant());
    }

    public void untag(UUID playerId, String tag, StaffMember by) {
        players.get(playerId);
        store.removeTag(playerId, tag == null ? "" : tag.strip());
    }

    public List<PlayerNote> notes(UUID playerId) {
        return store.notes(playerId);
    }

    public PlayerNote note(UUID playerId, String body, StaffMember by) {
        players.get(playerId);
        String checked = validation.check(new NoteText(tidy(body))).body();
        return store.addNote(playerId, checked, by.id(), by.displayName(), clock.instant());
    }

    /** Deletes the notes staff wrote about the player (their data erased); how many. */
    @Transactional
    public int eraseNotes(UUID playerId) {
        return store.deleteNotes(playerId);
    }

    /** Deletes the tags staff gave the player (their data erased); how many. */
    @Transactional
    public int eraseTags(UUID playerId) {
        return store.deleteTags(playerId);
    }

    /** The player's violations from every source, most recent first. */
    public List<Violation> violations(PlayerSummary player) {
        List<Violation> all = new ArrayList<>();
        violationSources.forEach(source -> all.addAll(source.of(player)));
        all.sort((a, b) -> b.at().compareTo(a.at()));
        return all;
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
