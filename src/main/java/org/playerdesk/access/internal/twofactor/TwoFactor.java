package org.playerdesk.access.internal.twofactor;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.ratelimit.RateLimit;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.playerdesk.system.signing.Hashes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' two-factor sign-in: enrolment confirmed by a first code, the codes of the second step
 * (each taken once, one step of clock skew either side, wrong ones limited per member), the ten
 * single-use recovery codes (kept hashed) and an administrator's reset.
 * <p>
 * The secret is kept in its own column ({@code staff_two_factor.secret}), sealed at rest by
 * {@link Secrets} like every other stored secret.
 */
@Service
@Transactional
@EnableConfigurationProperties(TwoFactorProperties.class)
public class TwoFactor {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a code entered at the second step did. */
    public enum Outcome { ACCEPTED, RECOVERY_CODE_USED, WRONG, TOO_MANY }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TwoFactorProperties properties;
    private final RateLimiter wrongCodes;
    private final Secrets secrets;

    TwoFactor(JdbcTemplate jdbc, Clock clock, AuditLog audit, TwoFactorProperties properties, RateLimiters limiters,
            Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
        this.wrongCodes = limiters.limiter(RateLimit.perWindow("two-factor", properties.attempts(),
                properties.attemptsPer()));
    }

    /** The members' authenticator secrets are sealed at rest. */
    @Bean
    static SecretColumn twoFactorSecret() {
        return new SecretColumn("staff_two_factor", "staff_id", "secret");
    }

    TwoFactorProperties properties() {
        return properties;
    }

    /** Whether the member has confirmed two-factor sign-in. */
    @Transactional(readOnly = true)
    public boolean enrolled(UUID staffId) {
        return !jdbc.queryForList("select staff_id from staff_two_factor where staff_id = ?", UUID.class, staffId)
                .isEmpty();
    }

    /** Whether the member's role must use two-factor sign-in. */
    public boolean required(StaffRole role) {
        return properties.requiredRoles().contains(role);
    }

    /**
     * Confirms enrolment with the secret shown to the member and a first code from their app;
     * answers the ten recovery codes to show once, or nothing when the code is wrong.
     */
    public Optional<List<String>> confirm(StaffMember member, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, clock, Long.MIN_VALUE);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("delete from staff_two_factor where staff_id = ?", member.id());
        jdbc.update("insert into staff_two_factor (staff_id, secret, last_used_step, confirmed_at) values (?, ?, ?, ?)",
                member.id(), secrets.seal(secret), step.getAsLong(), Timestamp.from(clock.instant()));
        audit.record(member, null, "two-factor.enrolled", "staff", member.id().toString(), null);
        return Optional.of(newRecoveryCodes(member.id()));
    }

    /** New recovery codes for an enrolled member, the old ones no longer valid. */
    public List<String> newRecoveryCodes(StaffMember member) {
        List<String> codes = newRecoveryCodes(member.id());
        audit.record(member, null, "two-factor.recovery-codes", "staff", member.id().toString(), null);
        return codes;
    }

    private List<String> newRecoveryCodes(UUID staffId) {
        jdbc.update("delete from staff_recovery_code where staff_id = ?", staffId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            jdbc.update("insert into staff_recovery_code (id, staff_id, code_hash) values (?, ?, ?)", Ids.next(),
                    staffId, hash(code.toString()));
        }
        return codes;
    }

    /** How many of the member's recovery codes are left. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft(UUID staffId) {
        Integer left = jdbc.queryForObject(
                "select count(*) from staff_recovery_code where staff_id = ? and used_at is null", Integer.class,
                staffId);
        return left == null ? 0 : left;
    }

    /**
     * The second step: a code of the member's app (a step not used before) or one of their unused
     * recovery codes. Wrong codes spend the member's attempts; when none are left, nothing is checked.
     */
    public Outcome verify(StaffMember member, String code) {
        String key = member.id().toString();
        if (!wrongCodes.check(key).admitted()) {
            return Outcome.TOO_MANY;
        }
        List<Object[]> rows = jdbc.query("select secret, last_used_step from staff_two_factor where staff_id = ? for update",
                (row, n) -> new Object[] { row.getString(1), row.getLong(2) }, member.id());
        if (rows.isEmpty()) {
            return Outcome.WRONG;
        }
        String secret = secrets.open((String) rows.getFirst()[0]);
        long usedUpTo = (Long) rows.getFirst()[1];
        OptionalLong step = Totp.matchingStep(secret, code, clock, usedUpTo);
        if (step.isPresent() && jdbc.update(
                "update staff_two_factor set last_used_step = ? where staff_id = ? and last_used_step = ?",
                step.getAsLong(), member.id(), usedUpTo) == 1) {
            return Outcome.ACCEPTED;
        }
        String normalised = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!normalised.isEmpty() && jdbc.update("update staff_recovery_code set used_at = ? "
                + "where staff_id = ? and code_hash = ? and used_at is null", Timestamp.from(clock.instant()),
                member.id(), hash(normalised)) == 1) {
            audit.record(member, null, "two-factor.recovery-code-used", "staff", member.id().toString(),
                    recoveryCodesLeft(member.id()) + " left");
            return Outcome.RECOVERY_CODE_USED;
        }
        wrongCodes.take(key);
        return Outcome.WRONG;
    }

    /** An administrator's reset: the member signs in with the password alone again, and enrols anew. */
    public boolean reset(StaffMember member, StaffMember by) {
        int removed = jdbc.update("delete from staff_two_factor where staff_id = ?", member.id());
        jdbc.update("delete from staff_recovery_code where staff_id = ?", member.id());
        audit.record(by, null, "two-factor.reset", "staff", member.id().toString(), member.username());
        return removed == 1;
    }

    private static String hash(String recoveryCode) {
        return Hashes.sha256("recovery-code/1\n" + recoveryCode);
    }
}
