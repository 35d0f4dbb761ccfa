package org.playerdesk.vip;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.vip.internal.FollowUp;
import org.playerdesk.vip.internal.FollowUpRepository;
import org.playerdesk.vip.internal.VipPlayer;
import org.playerdesk.vip.internal.VipPlayerRepository;
import org.hibernate.validator.constraints.Range;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The VIP roster of each game: who manages whom, the private entry links, the follow-up schedule
 * and its worklists.
 */
@Service
@Transactional
public class VipService {

    private final VipPlayerRepository vips;
    private final FollowUpRepository followUps;
    private final StaffDirectory staff;
    private final ObjectProvider<GameBackends> backends;
    private final AuditLog audit;
    private final VipSettings settings;
    private final PlayerProfiles profiles;
    private final PlayerDirectory players;
    private final Clock clock;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    VipService(VipPlayerRepository vips, FollowUpRepository followUps, StaffDirectory staff,
            ObjectProvider<GameBackends> backends, AuditLog audit, VipSettings settings, PlayerProfiles profiles,
            PlayerDirectory players, Clock clock, InputValidation validation, ApplicationEventPublisher events) {
        this.validation = validation;
        this.events = events;
        this.profiles = profiles;
        this.players = players;
        this.vips = vips;
        this.followUps = followUps;
        this.staff = staff;
        this.backends = backends;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The player given a manager, by their account id in the game, without the blanks around it. */
    record Managed(
            @NotBlank(message = "{invalid.blank}")
            @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}") @SingleLine
            String accountId) {
    }

    /** A follow-up visit as recorded: what came of it on one line, notes of several lines, a score of 1 to 5. */
    record Visit(
            @NotBlank(message = "{invalid.blank}") @Size(max = 500, message = "{invalid.tooLong}") @SingleLine
            String outcome,
            @Size(max = 2000, message = "{invalid.tooLong}") @PlainText String notes,
            @Range(min = 1, max = 5, message = "{invalid.range.between}") Integer satisfaction) {
    }

    /** The moment agreed with the player for the next follow-up. */
    record Booking(@NotNull(message = "{invalid.required}") Instant at) {
    }

    /**
     * A supervisor gives a player a VIP manager (a member of staff serving the game), or takes it
     * away with null. The player's figures are read from the game; their VIP tier (the player
     * module's tier rules) sets the follow-up schedule.
     */
    public VipPlayerView assignManager(UUID gameId, String accountId, UUID managerId, StaffMember supervisor) {
        if (!supervisor.role().grants(Permission.ASSIGN_OTHERS) || !supervisor.serves(gameId)) {
            throw new AccessDeniedException("only a supervisor of the game assigns VIP managers");
        }
        Managed managed = new Managed(tidy(accountId));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(managed));
        if (managerId != null && staff.servingGame(gameId).stream().noneMatch(m -> m.id().equals(managerId))) {
            errors.add(new InvalidInput.FieldError("manager", "invalid.staff"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String account = managed.accountId();
        Optional<AccountProfile> profile = profile(gameId, account);
        // keep the figures for the worklists that must not ask the game (a player PlayerDesk knows)
        profile.ifPresent(p -> players.find(gameId, account).ifPresent(player -> profiles.remember(player, p)));
        int level = profile.map(AccountProfile::vipLevel).orElse(0);
        String tier = profile.map(p -> profiles.tierOf(p.totalRecharge(), p.vipLevel()).code()).orElse(null);
        Instant now = clock.instant();
        Duration every = settings.followUpEvery(tier);
        VipPlayer vip = vips.findByGameIdAndAccountId(gameId, account)
                .orElseGet(() -> vips.save(new VipPlayer(gameId, account, now)));
        vip.manage(managerId, level, tier, every == null ? null : now.plus(every), now);
        audit.record(supervisor, gameId, "vip.manager", "account", account,
                managerId == null ? "no manager" : "manager " + managerId);
        return vip.view();
    }

    /** The VIP manager of this player, when one is set. */
    @Transactional(readOnly = true)
    public Optional<UUID> managerOf(UUID gameId, String accountId) {
        return vips.findByGameIdAndAccountId(gameId, accountId).map(VipPlayer::managerId);
    }

    /**
     * Makes a new private entry link token for the player (an old one stops working). The answer
     * is the only time the token is seen: only its hash is kept.
     */
    public String newEntryToken(UUID vipPlayerId, StaffMember member) {
        VipPlayer vip = load(vipPlayerId);
        serves(member, vip);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        vip.entryToken(Hashes.sha256(token), clock.instant());
        audit.record(member, vip.gameId(), "vip.entry-link", "account", vip.accountId(), "new private entry link");
        return token;
    }

    /** The VIP player a private entry token belongs to. */
    @Transactional(readOnly = true)
    public Optional<VipPlayerView> byEntryToken(UUID gameId, String token) {
        if (token == null || token.length() < 20 || token.length() > 64) {
            return Optional.empty();
        }
        return vips.findByGameIdAndEntryTokenHash(gameId, Hashes.sha256(token)).map(VipPlayer::view);
    }

    /** Follow-ups due by {@code horizon} in the games in scope (null: all), the most overdue first. */
    @Transactional(readOnly = true)
    public List<VipPlayerView> dueFollowUps(java.util.Set<UUID> gameScope, Instant horizon) {
        if (gameScope != null && gameScope.isEmpty()) {
            return List.of();
        }
        List<VipPlayer> due = gameScope == null ? vips.findByNextFollowUpAtLessThanEqualOrderByNextFollowUpAt(horizon)
                : vips.findByGameIdInAndNextFollowUpAtLessThanEqualOrderByNextFollowUpAt(gameScope, horizon);
        return due.stream().map(VipPlayer::view).toList();
    }

    /** Records a follow-up visit and schedules the next one from now. */
    public FollowUpView recordFollowUp(UUID vipPlayerId, String outcome, Integer satisfaction, String notes,
            StaffMember member) {
        VipPlayer vip = load(vipPlayerId);
        serves(member, vip);
        Visit visit = validation.check(new Visit(tidy(outcome), tidy(notes), satisfaction));
        Instant now = clock.instant();
        FollowUp done = followUps.save(new FollowUp(vip, vip.nextFollowUpAt(), now, member.displayName(),
                visit.outcome(), satisfaction, visit.notes()));
        Duration every = settings.followUpEvery(vip.tier());
        vip.followUpDone(every == null ? null : now.plus(every), now);
        events.publishEvent(new VipEvents.FollowUpRecorded(done.getId(), vip.getId(), vip.gameId(), vip.managerId(),
                member.id(), satisfaction, now));
        return done.view();
    }

    /**
     * Moves the player's next follow-up to a moment agreed with them (a call booked for tomorrow,
     * a visit before a big update); the regular schedule goes on from the next visit recorded.
     */
    public VipPlayerView bookFollowUp(UUID vipPlayerId, Instant at, StaffMember member) {
        VipPlayer vip = load(vipPlayerId);
        serves(member, vip);
        validation.check(new Booking(at));
        vip.bookFollowUp(at, clock.instant());
        return vip.view();
    }

    @Transactional(readOnly = true)
    public List<FollowUpView> followUpsOf(UUID vipPlayerId) {
        return followUps.findByVipPlayerIdOrderByDoneAtDesc(vipPlayerId).stream().map(FollowUp::view).toList();
    }

    @Transactional(readOnly = true)
    public List<VipPlayerView> roster(UUID gameId) {
        return vips.findByGameIdOrderByAccountId(gameId).stream().map(VipPlayer::view).toList();
    }

    @Transactional(readOnly = true)
    public VipPlayerView get(UUID vipPlayerId) {
        return load(vipPlayerId).view();
    }

    static final int INACTIVE_PAGE = 50;

    /**
     * A valuable player gone quiet: last login and total recharge as last known from the game;
     * {@code vip} is their VIP roster entry, or null when they are not on the roster.
     */
    public record InactivePlayer(VipPlayerView vip, String accountId, String nickname, Instant lastLoginAt,
            long totalRecharge) {
    }

    /** One page (from 0) of the inactive worklist; {@code more}: a next page exists. */
    public record InactivePage(List<InactivePlayer> players, int page, boolean more) {
    }

    /** The first page of {@link #inactiveValuable(UUID, int)}. */
    @Transactional(readOnly = true)
    public List<InactivePlayer> inactiveValuable(UUID gameId) {
        return inactiveValuable(gameId, 0).players();
    }

    /**
     * All players PlayerDesk knows for the game (not only the VIP roster) whose last known login is
     * older than {@code playerdesk.vip.inactive-after} and whose last known total recharge reaches
     * {@code playerdesk.vip.valuable-recharge}, longest gone first, {@value #INACTIVE_PAGE} a page.
     * The figures are those kept each time the game answered about the player (player panel,
     * player page, VIP assignment): the page does not ask the game.
     */
    @Transactional(readOnly = true)
    public InactivePage inactiveValuable(UUID gameId, int page) {
        int from = Math.max(0, page);
        Instant cutoff = clock.instant().minus(settings.inactiveAfter());
        List<PlayerProfiles.QuietPlayer> quiet = profiles.goneQuiet(gameId, settings.valuableRecharge(), cutoff,
                from * INACTIVE_PAGE, INACTIVE_PAGE + 1);
        List<PlayerProfiles.QuietPlayer> shown = quiet.subList(0, Math.min(INACTIVE_PAGE, quiet.size()));
        Map<String, VipPlayerView> roster = new java.util.HashMap<>();
        shown.forEach(q -> vips.findByGameIdAndAccountId(gameId, q.accountId())
                .ifPresent(v -> roster.put(q.accountId(), v.view())));
        List<InactivePlayer> players = shown.stream().map(q -> new InactivePlayer(roster.get(q.accountId()),
                q.accountId(), q.nickname(), q.lastLoginAt(), q.totalRecharge())).toList();
        return new InactivePage(players, from, quiet.size() > INACTIVE_PAGE);
    }

    private Optional<AccountProfile> profile(UUID gameId, String accountId) {
        GameBackends all = backends.getIfAvailable();
        if (all == null || !all.connected(gameId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(all.of(gameId).profile(accountId));
        } catch (GameBackendUnavailable | UnknownAccount e) {
            return Optional.empty();
        }
    }

    private static void serves(StaffMember member, VipPlayer vip) {
        if (!member.serves(vip.gameId())) {
            throw new AccessDeniedException("not a game of this member of staff");
        }
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private VipPlayer load(UUID id) {
        return vips.findById(id).orElseThrow(() -> new NotFoundException("vip player", id));
    }

}
