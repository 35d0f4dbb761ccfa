package org.playerdesk.access;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.access.internal.StaffAccount;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The support department's staff: accounts, roles, the games each one serves. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;

    StaffDirectory(StaffAccountRepository accounts, PasswordEncoder passwords, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public StaffMember enrol(String username, String displayName, String password, StaffRole role, String locale,
            Set<UUID> gameIds) {
        FieldErrors errors = new FieldErrors();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add("username", "invalid.username");
        } else if (accounts.findByUsername(username).isPresent()) {
            errors.add("username", "invalid.taken");
        }
        String name = errors.line("displayName", displayName, 100, true);
        if (password == null || password.length() < 8 || password.length() > 128) {
            errors.add("password", "invalid.length", 8, 128);
        }
        if (role == null) {
            errors.add("role", "invalid.required");
        }
        errors.throwIfAny();
        StaffAccount account = new StaffAccount(username, name, passwords.encode(password), role,
                Locales.tag(Locales.supported(locale)), gameIds, clock.instant());
        return accounts.save(account).member();
    }

    /** Whether any staff account exists yet (none on a new database without the demo). */
    public boolean anyone() {
        return accounts.count() > 0;
    }

    /**
     * The first administrator of a new installation: made only while no staff account exists,
     * written to the audit log. Answers empty when someone was made first.
     */
    @Transactional
    public synchronized Optional<StaffMember> enrolFirstAdministrator(String username, String displayName,
            String password, String locale, String how) {
        if (anyone()) {
            return Optional.empty();
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName;
        StaffMember admin = enrol(username, name, password, StaffRole.ADMIN, locale, Set.of());
        audit.record(null, null, "staff.first-admin", "staff", admin.id().toString(),
                "first administrator " + admin.username() + " created " + how);
        return Optional.of(admin);
    }

    public StaffMember get(UUID id) {
        return accounts.findById(id).map(StaffAccount::member).orElseThrow(() -> new NotFoundException("staff", id));
    }

    public Optional<StaffMember> byUsername(String username) {
        return accounts.findByUsername(username).map(StaffAccount::member);
    }

    public List<StaffMember> all() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(StaffAccount::member).toList();
    }

    /** Staff who serve the given game and may work tickets: the people a ticket can be assigned to. */
    public List<StaffMember> servingGame(UUID gameId) {
        return all().stream()
                .filter(m -> m.enabled() && m.serves(gameId) && m.role().grants(Permission.WORK_TICKETS))
                .toList();
    }

    public Map<UUID, StaffMember> byIds(Collection<UUID> ids) {
        return accounts.findAllById(ids).stream().map(StaffAccount::member)
                .collect(Collectors.toMap(StaffMember::id, Function.identity()));
    }

    @Transactional
    public void preferLocale(UUID staffId, String locale) {
        accounts.findById(staffId).orElseThrow(() -> new NotFoundException("staff", staffId))
                .preferLocale(Locales.tag(Locales.supported(locale)));
    }

    @Transactional
    public void assignGames(UUID staffId, Set<UUID> gameIds) {
        accounts.findById(staffId).orElseThrow(() -> new NotFoundException("staff", staffId)).assignGames(gameIds);
    }

    /**
     * Grants or withdraws a member's individual access to players' personal data (administrators),
     * written to the audit log; it applies to the member's next reveal at once.
     */
    @Transactional
    public StaffMember grantPersonalData(UUID staffId, boolean granted, StaffMember by) {
        if (by == null || !by.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("only administrators grant access to personal data");
        }
        StaffAccount account = accounts.findById(staffId).orElseThrow(() -> new NotFoundException("staff", staffId));
        account.grantPersonalData(granted);
        audit.record(by, null, granted ? "staff.pii.grant" : "staff.pii.withdraw", "staff", staffId.toString(),
                account.member().username());
        return account.member();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
        return new StaffUser(account.member(), account.passwordHash());
    }
}
