package org.playerdesk.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.internal.StaffAccount;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The support department's staff: accounts, roles, the games each one serves. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory implements UserDetailsService {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;
    private final InputValidation validation;

    StaffDirectory(StaffAccountRepository accounts, PasswordEncoder passwords, Clock clock, AuditLog audit,
            InputValidation validation) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
        this.validation = validation;
    }

    /** A member of staff to enrol: a login name, the name colleagues see, a password and a role. */
    record NewMember(
            @NotNull(message = "{invalid.username}")
            @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "{invalid.username}") String username,
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String displayName,
            @Size(min = 8, max = 128, message = "{invalid.size.between}") String password,
            @NotNull(message = "{invalid.required}") StaffRole role) {

        /** The display name without the blanks around it; no password is an empty one, which is too short. */
        NewMember tidied() {
            return new NewMember(username, displayName == null || displayName.isBlank() ? null : displayName.strip(),
                    password == null ? "" : password, role);
        }
    }

    @Transactional
    public StaffMember enrol(String username, String displayName, String password, StaffRole role, String locale,
            Set<UUID> gameIds) {
        NewMember member = new NewMember(username, displayName, password, role).tidied();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(member));
        boolean usernameWellFormed = errors.stream().noneMatch(e -> e.field().equals("username"));
        if (usernameWellFormed && accounts.findByUsername(username).isPresent()) {
            // the username comes first, as the form lists it
            errors.addFirst(new InvalidInput.FieldError("username", "invalid.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        StaffAccount account = new StaffAccount(username, member.displayName(), passwords.encode(password), role,
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
