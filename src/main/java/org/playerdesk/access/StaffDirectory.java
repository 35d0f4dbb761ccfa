package org.playerdesk.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.access.internal.StaffAccount;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.cache.ReferenceCache;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.access.StaffEvents.StaffDisabled;
import org.playerdesk.access.StaffEvents.StaffEnabled;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Email;
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
    private final ApplicationEventPublisher events;
    /** How long a change another node makes may go unseen in {@link #all()} and {@link #byIds}. */
    static final Duration KEEP = Duration.ofSeconds(5);

    /** Every member by user name, and by id. */
    private record Members(List<StaffMember> all, Map<UUID, StaffMember> byId) {
    }

    private final ReferenceData referenceData;
    private final ReferenceCache<Members> members;

    StaffDirectory(StaffAccountRepository accounts, PasswordEncoder passwords, Clock clock, AuditLog audit,
            InputValidation validation, ApplicationEventPublisher events, ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.members = referenceData.cache(StaffAccount.class, KEEP);
        this.events = events;
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
        return enrol(member, () -> passwords.encode(member.password()), locale, gameIds);
    }

    /**
     * A password hashed once for several new accounts that share it, the demo workspace's staff:
     * a hash costs some 0.1 s of a core on purpose, and the demo enrols a dozen. Refused as
     * {@link #enrol} refuses a password.
     */
    public SharedPassword sharedPassword(String password) {
        List<InvalidInput.FieldError> errors = validation.errors(new NewMember("shared", "shared",
                password == null ? "" : password, StaffRole.AGENT_L1));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new SharedPassword(passwords.encode(password));
    }

    /** A password already hashed by {@link #sharedPassword}; it holds no clear text. */
    public static final class SharedPassword {

        private final String hash;

        private SharedPassword(String hash) {
            this.hash = hash;
        }
    }

    /** Enrols as {@link #enrol(String, String, String, StaffRole, String, Set)} does, with a password hashed already. */
    @Transactional
    public StaffMember enrol(String username, String displayName, SharedPassword password, StaffRole role,
            String locale, Set<UUID> gameIds) {
        NewMember tidied = new NewMember(username, displayName, "", role).tidied();
        // the shared password was checked when it was hashed: the member is checked without it
        NewMember member = new NewMember(tidied.username(), tidied.displayName(), null, role);
        return enrol(member, () -> password.hash, locale, gameIds);
    }

    private StaffMember enrol(NewMember member, Supplier<String> hash, String locale, Set<UUID> gameIds) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(member));
        boolean usernameWellFormed = errors.stream().noneMatch(e -> e.field().equals("username"));
        if (usernameWellFormed && accounts.findByUsername(member.username()).isPresent()) {
            // the username comes first, as the form lists it
            errors.addFirst(new InvalidInput.FieldError("username", "invalid.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        StaffAccount account = new StaffAccount(member.username(), member.displayName(), hash.get(), member.role(),
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

    /** Every member, by user name; kept in memory and read again after any change (see {@link ReferenceData}). */
    public List<StaffMember> all() {
        return members().all();
    }

    private Members members() {
        return members.get(() -> {
            List<StaffMember> all = accounts.findAllByOrderByUsernameAsc().stream().map(StaffAccount::member).toList();
            return new Members(all, all.stream().collect(Collectors.toUnmodifiableMap(StaffMember::id, Function.identity())));
        });
    }

    /** Staff who serve the given game and may work tickets: the people a ticket can be assigned to. */
    public List<StaffMember> servingGame(UUID gameId) {
        return all().stream()
                .filter(m -> m.enabled() && m.serves(gameId) && m.role().grants(Permission.WORK_TICKETS))
                .toList();
    }

    /** These members by id, from the list kept in memory; ids of nobody are left out. */
    public Map<UUID, StaffMember> byIds(Collection<UUID> ids) {
        Map<UUID, StaffMember> byId = members().byId();
        return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull)
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
        // a change of the games alone is not an update of the account's row
        referenceData.changed(StaffAccount.class);
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

    /** What an administrator may change of an account: the name colleagues see, the role and the games. */
    record AccountChange(
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String displayName,
            @NotNull(message = "{invalid.required}") StaffRole role) {
    }

    /**
     * The field errors of a change of name, role and games, without changing anything: what the
     * staff page checks of every part of its form before it saves any.
     */
    public List<InvalidInput.FieldError> checkChange(UUID staffId, String displayName, StaffRole role) {
        StaffAccount account = load(staffId);
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new AccountChange(tidy(displayName), role)));
        if (role != null && account.member().role() == StaffRole.ADMIN && role != StaffRole.ADMIN
                && account.member().enabled() && accounts.countByRoleAndEnabledTrue(StaffRole.ADMIN) <= 1) {
            errors.add(new InvalidInput.FieldError("role", "invalid.staff.lastAdmin"));
        }
        return errors;
    }

    /**
     * Changes a member's name, role and games (administrators), written to the audit log with what
     * changed; the role's new permissions apply from the member's next request.
     */
    @Transactional
    public StaffMember change(UUID staffId, String displayName, StaffRole role, Set<UUID> gameIds, StaffMember by) {
        requireAdmin(by);
        List<InvalidInput.FieldError> errors = checkChange(staffId, displayName, role);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        StaffAccount account = load(staffId);
        StaffMember before = account.member();
        account.rename(tidy(displayName));
        account.changeRole(role);
        account.assignGames(gameIds);
        referenceData.changed(StaffAccount.class);
        StaffMember after = account.member();
        List<String> changed = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            changed.add("name");
        }
        if (before.role() != after.role()) {
            changed.add("role " + before.role().code() + " -> " + after.role().code());
        }
        if (!before.gameIds().equals(after.gameIds())) {
            changed.add(after.gameIds().size() + " games");
        }
        audit.record(by, null, "staff.update", "staff", staffId.toString(),
                after.username() + (changed.isEmpty() ? ": unchanged" : ": " + String.join(", ", changed)));
        return after;
    }

    /** A sign-in email as typed on the staff page: one address, or none. */
    record SignInEmail(@Size(max = 254, message = "{invalid.tooLong}") @Email(message = "{invalid.email}") @SingleLine
    String signInEmail) {
    }

    /**
     * The address single sign-on matches the member's account by ({@code staff_account.email}):
     * the one an identity provider confirmed, or the one an administrator gave; not the address
     * the member's notices go to.
     */
    public Optional<String> signInEmail(UUID staffId) {
        return Optional.ofNullable(load(staffId).email());
    }

    /**
     * The field errors of a new sign-in email, without changing anything: not an address, too
     * long, or another account's already (whatever its case).
     */
    public List<InvalidInput.FieldError> checkSignInEmail(UUID staffId, String email) {
        String tidy = tidyEmail(email);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new SignInEmail(tidy)));
        if (tidy != null && errors.isEmpty()
                && accounts.findByEmailIgnoreCase(tidy).stream().anyMatch(a -> !a.getId().equals(staffId))) {
            errors.add(new InvalidInput.FieldError("signInEmail", "invalid.staff.signInEmailTaken"));
        }
        return errors;
    }

    /**
     * Sets or clears the address single sign-on matches the member by (administrators), written
     * to the audit log (without the address).
     */
    @Transactional
    public void changeSignInEmail(UUID staffId, String email, StaffMember by) {
        requireAdmin(by);
        List<InvalidInput.FieldError> errors = checkSignInEmail(staffId, email);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        StaffAccount account = load(staffId);
        String tidy = tidyEmail(email);
        if (java.util.Objects.equals(tidy, account.email())) {
            return;
        }
        account.confirmEmail(tidy);
        audit.record(by, null, "staff.email", "staff", staffId.toString(),
                account.member().username() + (tidy == null ? ": sign-in email removed" : ": sign-in email changed"));
    }

    private static String tidyEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    /**
     * Disables a member (a leaver): they cannot sign in, their sessions end on every node at their
     * next request, and {@link StaffDisabled} hands their tickets and chats back. An administrator
     * cannot disable themselves nor the last enabled administrator. Disabling a disabled member
     * changes nothing.
     */
    @Transactional
    public StaffMember disable(UUID staffId, StaffMember by) {
        requireAdmin(by);
        StaffAccount account = load(staffId);
        if (staffId.equals(by.id())) {
            throw new RuleViolation("staff.disable.self", "administrators cannot disable themselves");
        }
        if (!account.member().enabled()) {
            return account.member();
        }
        if (account.member().role() == StaffRole.ADMIN && accounts.countByRoleAndEnabledTrue(StaffRole.ADMIN) <= 1) {
            throw new RuleViolation("staff.disable.last-admin", "the last enabled administrator stays enabled");
        }
        Instant now = clock.instant();
        account.disable(now);
        audit.record(by, null, "staff.disable", "staff", staffId.toString(), account.member().username());
        events.publishEvent(new StaffDisabled(staffId, account.member().displayName(), by.id(), now));
        return account.member();
    }

    /** Enables a disabled member again; sessions they had before they were disabled stay ended. */
    @Transactional
    public StaffMember enable(UUID staffId, StaffMember by) {
        requireAdmin(by);
        StaffAccount account = load(staffId);
        if (account.member().enabled()) {
            return account.member();
        }
        account.enable(true);
        audit.record(by, null, "staff.enable", "staff", staffId.toString(), account.member().username());
        events.publishEvent(new StaffEnabled(staffId, by.id(), clock.instant()));
        return account.member();
    }

    /** Notes a successful sign-in (its time only). */
    @Transactional
    public void signedIn(UUID staffId) {
        accounts.findById(staffId).ifPresent(account -> account.signedIn(clock.instant()));
    }

    /** When each member last signed in; members who never did are absent. */
    public Map<UUID, Instant> lastSignIns() {
        Map<UUID, Instant> all = new java.util.HashMap<>();
        accounts.findAll().forEach(a -> {
            if (a.lastSignInAt() != null) {
                all.put(a.getId(), a.lastSignInAt());
            }
        });
        return all;
    }

    /** When the member last signed in, if ever. */
    public Optional<Instant> lastSignIn(UUID staffId) {
        return Optional.ofNullable(load(staffId).lastSignInAt());
    }

    private StaffAccount load(UUID staffId) {
        return accounts.findById(staffId).orElseThrow(() -> new NotFoundException("staff", staffId));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static void requireAdmin(StaffMember by) {
        if (by == null || !by.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("only administrators manage staff accounts");
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
        return new StaffUser(account.member(), account.passwordHash());
    }
}
