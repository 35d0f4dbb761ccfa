package org.playerdesk.access.internal.sso;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.internal.StaffAccount;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.access.internal.sso.SingleSignOnRefused.Reason;
import org.playerdesk.access.internal.sso.SingleSignOnSettings.RolesFrom;
import org.playerdesk.access.internal.sso.SingleSignOnSettings.UnknownUsers;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.locale.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a sign-in through the identity provider is in PlayerDesk: the account linked to the ID
 * token's issuer and subject ({@code staff_sso_link}), linked at the first sign-in by the verified
 * e-mail address when so configured, or made from the provider's groups when roles come from
 * there. Everyone else is refused (or, when so configured, gets a disabled account awaiting an
 * administrator) and the administrators are told in the log. A disabled account stays refused.
 */
@Transactional(noRollbackFor = SingleSignOnRefused.class)
public class SingleSignOnAccounts {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnAccounts.class);

    /** What the provider says of the person signing in, read from the ID token and user info. */
    record Identity(String issuer, String subject, String username, String name, String email,
            boolean emailVerified, List<String> groups) {
    }

    private final SingleSignOnSettings settings;
    private final ClaimMapping mapping;
    private final StaffAccountRepository accounts;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final GameCatalog games;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReferenceData referenceData;

    SingleSignOnAccounts(SingleSignOnSettings settings, StaffAccountRepository accounts, JdbcTemplate jdbc,
            PasswordEncoder passwords, GameCatalog games, AuditLog audit, Clock clock, ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.settings = settings;
        this.mapping = ClaimMapping.of(settings);
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.games = games;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member this identity signs in as; refused with a reason the sign-in page shows. */
    StaffMember signIn(Identity who) {
        Optional<StaffRole> claimed = settings.rolesFrom() == RolesFrom.CLAIMS ? mapping.role(who.groups())
                : Optional.empty();
        StaffAccount account = linked(who).or(() -> matchedByEmail(who)).orElse(null);
        if (account == null) {
            if (claimed.isPresent()) {
                account = enrol(who, claimed.get(), true);
            } else {
                return unknown(who);
            }
        }
        if (!account.member().enabled()) {
            log.info("Sign-in of disabled staff account {} through the identity provider refused",
                    account.member().username());
            throw new SingleSignOnRefused(Reason.DISABLED);
        }
        if (settings.rolesFrom() == RolesFrom.CLAIMS) {
            if (claimed.isEmpty()) {
                log.warn("Sign-in of {} through the identity provider refused: none of their groups {} names a "
                        + "PlayerDesk role (playerdesk.sso.roles)", account.member().username(), who.groups());
                throw new SingleSignOnRefused(Reason.NO_ROLE);
            }
            follow(account, claimed.get(), gameIds(who));
        }
        if (account.mustChangePassword() && !settings.localPasswords()) {
            // a temporary password no one may use any more is nothing to change first
            account.changePassword(account.passwordHash(), false);
        }
        if (who.emailVerified() && who.email() != null && !who.email().equalsIgnoreCase(account.email())) {
            account.confirmEmail(who.email());
        }
        return account.member();
    }

    private Optional<StaffAccount> linked(Identity who) {
        return jdbc.queryForList("select staff_id from staff_sso_link where issuer = ? and subject = ?", UUID.class,
                who.issuer(), who.subject()).stream().findFirst().flatMap(accounts::findById);
    }

    /** The first sign-in of an existing member: the one account with the same verified address. */
    private Optional<StaffAccount> matchedByEmail(Identity who) {
        if (!settings.matchByEmail() || !who.emailVerified() || who.email() == null || who.email().isBlank()) {
            return Optional.empty();
        }
        List<StaffAccount> same = accounts.findByEmailIgnoreCase(who.email().strip());
        if (same.size() != 1 || isLinked(same.getFirst().getId())) {
            return Optional.empty();
        }
        StaffAccount account = same.getFirst();
        link(who, account);
        audit.record(account.member(), null, "staff.sso.link", "staff", account.getId().toString(),
                account.member().username() + ": linked to the identity provider by e-mail address");
        return Optional.of(account);
    }

    private boolean isLinked(UUID staffId) {
        return jdbc.queryForObject("select count(*) from staff_sso_link where staff_id = ? and issuer = ?",
                Integer.class, staffId, settings.issuerUri()) > 0;
    }

    private StaffMember unknown(Identity who) {
        if (settings.unknownUsers() == UnknownUsers.CREATE_DISABLED) {
            StaffAccount account = enrol(who, StaffRole.AGENT_L1, false);
            log.warn("Staff account {} was made disabled for {} (subject {}) at their first sign-in through the "
                    + "identity provider: an administrator enables it and gives it its role and games",
                    account.member().username(), who.email(), who.subject());
            throw new SingleSignOnRefused(Reason.AWAITING);
        }
        log.warn("Sign-in through the identity provider refused: {} (subject {}, e-mail {}) has no PlayerDesk "
                + "account; an administrator makes one, or sets playerdesk.sso.roles or "
                + "playerdesk.sso.unknown-users", who.username(), who.subject(), who.email());
        throw new SingleSignOnRefused(who.groups().isEmpty() || settings.rolesFrom() == RolesFrom.PLAYERDESK
                ? Reason.UNKNOWN : Reason.NO_ROLE);
    }

    private StaffAccount enrol(Identity who, StaffRole role, boolean enabled) {
        String username = freeUsername(who);
        String name = who.name() == null || who.name().isBlank() ? username : who.name().strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        // no password anyone knows: the member signs in through the provider
        StaffAccount account = new StaffAccount(username, name,
                passwords.encode(Base64.getEncoder().encodeToString(secret)), role,
                Locales.tag(Locales.DEFAULT), enabled ? gameIds(who) : Set.of(), clock.instant());
        if (!enabled) {
            account.enable(false);
        }
        if (who.emailVerified()) {
            account.confirmEmail(who.email());
        }
        // the link's row refers to the account's
        accounts.saveAndFlush(account);
        link(who, account);
        audit.record(null, null, "staff.sso.enrol", "staff", account.getId().toString(),
                username + " (" + role.code() + (enabled ? "" : ", disabled") + ") made at their first sign-in "
                        + "through the identity provider");
        return account;
    }

    /** The role and games the groups give, written to the audit log when they change. */
    private void follow(StaffAccount account, StaffRole role, Set<UUID> gameIds) {
        StaffMember before = account.member();
        if (before.role() == role && before.gameIds().equals(gameIds)) {
            return;
        }
        account.changeRole(role);
        account.assignGames(gameIds);
        // a change of the games alone is not an update of the account's row
        referenceData.changed(StaffAccount.class);
        audit.record(null, null, "staff.sso.update", "staff", account.getId().toString(), before.username()
                + ": role " + role.code() + ", " + gameIds.size() + " games, from the identity provider's groups");
    }

    private Set<UUID> gameIds(Identity who) {
        Set<UUID> ids = new HashSet<>();
        for (String code : mapping.gameCodes(who.groups())) {
            games.byCode(code).map(GameInfo::id).ifPresentOrElse(ids::add,
                    () -> log.warn("playerdesk.sso.games names game {}, which PlayerDesk does not know", code));
        }
        return ids;
    }

    private void link(Identity who, StaffAccount account) {
        jdbc.update("insert into staff_sso_link (issuer, subject, staff_id, linked_at) values (?, ?, ?, ?)",
                who.issuer(), who.subject(), account.getId(), Timestamp.from(clock.instant()));
    }

    /** A user name of PlayerDesk's form from the provider's, numbered when taken. */
    private String freeUsername(Identity who) {
        String wanted = who.username() == null ? "" : who.username().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (wanted.length() < 2) {
            wanted = "sso-" + Integer.toHexString(who.subject().hashCode());
        }
        wanted = wanted.substring(0, Math.min(wanted.length(), 56));
        String username = wanted;
        for (int n = 2; accounts.findByUsername(username).isPresent(); n++) {
            username = wanted + "-" + n;
        }
        return username;
    }
}
