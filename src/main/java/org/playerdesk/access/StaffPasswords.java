package org.playerdesk.access;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.internal.StaffAccount;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.validation.InputValidation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Size;

/**
 * Passwords after enrolment: an administrator gives a member a one-time link (sent by email,
 * {@code staff_password_reset}, only the token's hash kept) or a temporary password the member
 * must change at their next sign-in; a member changes their own. No password or token is ever
 * written to the audit log.
 */
@Service
@Transactional
public class StaffPasswords {

    /** The same rule as at enrolment. */
    record NewPassword(@Size(min = 8, max = 128, message = "{invalid.size.between}") String password) {
    }

    private static final String TEMPORARY_LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StaffPasswords(StaffAccountRepository accounts, PasswordEncoder passwords, JdbcTemplate jdbc, AuditLog audit,
            InputValidation validation, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.audit = audit;
        this.validation = validation;
        this.clock = clock;
    }

    /** A one-time link's secret part and when it stops working. */
    public record ResetLink(String token, Instant expiresAt) {
    }

    /**
     * A new one-time link for the member (administrators); links given before stay valid until
     * used or expired. The token is returned once, to be sent; only its hash is stored.
     */
    public ResetLink issueLink(UUID staffId, Duration validFor, StaffMember by) {
        StaffDirectory.requireAdmin(by);
        StaffAccount account = load(staffId);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        jdbc.update("insert into staff_password_reset (id, staff_id, token_hash, expires_at, created_at) "
                + "values (?, ?, ?, ?, ?)", Ids.next(), staffId, Hashes.sha256(token), Timestamp.from(expires),
                Timestamp.from(now));
        audit.record(by, null, "staff.password.link", "staff", staffId.toString(),
                account.member().username() + ": a one-time link, valid until " + expires);
        return new ResetLink(token, expires);
    }

    /**
     * A temporary password (administrators), shown once to the administrator; the member must
     * choose their own at their next sign-in.
     */
    public String issueTemporary(UUID staffId, StaffMember by) {
        StaffDirectory.requireAdmin(by);
        StaffAccount account = load(staffId);
        StringBuilder temporary = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            temporary.append(TEMPORARY_LETTERS.charAt(random.nextInt(TEMPORARY_LETTERS.length())));
        }
        account.changePassword(passwords.encode(temporary), true);
        audit.record(by, null, "staff.password.temporary", "staff", staffId.toString(),
                account.member().username() + ": a temporary password, to be changed at sign-in");
        return temporary.toString();
    }

    /** Whether the member still signs in with a temporary password. */
    @Transactional(readOnly = true)
    public boolean mustChange(UUID staffId) {
        return load(staffId).mustChangePassword();
    }

    /** The member a one-time link is for, while it is unused and unexpired. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> linkHolder(String token) {
        return validLink(token).map(link -> load(link.staffId()).member());
    }

    /** Sets a new password through a one-time link, which then stops working. */
    public StaffMember resetWithLink(String token, String password) {
        Link link = validLink(token).orElseThrow(
                () -> new RuleViolation("staff.reset.invalid", "the link is unknown, used or expired"));
        validation.check(new NewPassword(password == null ? "" : password));
        if (jdbc.update("update staff_password_reset set used_at = ? where id = ? and used_at is null",
                Timestamp.from(clock.instant()), link.id()) == 0) {
            throw new RuleViolation("staff.reset.invalid", "the link was used meanwhile");
        }
        StaffAccount account = load(link.staffId());
        account.changePassword(passwords.encode(password), false);
        audit.record(account.member(), null, "staff.password.reset", "staff", account.getId().toString(),
                account.member().username() + ": a new password through a one-time link");
        return account.member();
    }

    /**
     * A member changes their own password: the current one, then a new one, different; field by
     * field. A temporary password is done with once changed.
     */
    public void changeOwn(UUID staffId, String current, String next) {
        StaffAccount account = load(staffId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (current == null || !passwords.matches(current, account.passwordHash())) {
            errors.add(new InvalidInput.FieldError("current", "invalid.password.wrong"));
        }
        errors.addAll(validation.errors(new NewPassword(next == null ? "" : next)).stream()
                .map(e -> new InvalidInput.FieldError("next", e.key(), e.arguments())).toList());
        if (errors.isEmpty() && next.equals(current)) {
            errors.add(new InvalidInput.FieldError("next", "invalid.password.same"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        account.changePassword(passwords.encode(next), false);
        audit.record(account.member(), null, "staff.password.change", "staff", staffId.toString(),
                account.member().username());
    }

    private record Link(UUID id, UUID staffId) {
    }

    private Optional<Link> validLink(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("select id, staff_id from staff_password_reset where token_hash = ? and used_at is null "
                + "and expires_at > ?", (row, n) -> new Link(row.getObject(1, UUID.class), row.getObject(2, UUID.class)),
                Hashes.sha256(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    private StaffAccount load(UUID staffId) {
        return accounts.findById(staffId).orElseThrow(() -> new NotFoundException("staff", staffId));
    }
}
