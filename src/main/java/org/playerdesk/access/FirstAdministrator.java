package org.playerdesk.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an installation without any staff account. At start-up, after the
 * demo workspace had its chance: {@code playerdesk.admin.username} and {@code playerdesk.admin.password}
 * ({@code PLAYERDESK_ADMIN_USERNAME}, {@code PLAYERDESK_ADMIN_PASSWORD}) make it; without them a
 * one-time setup link ({@code /setup?token=...}) is written to the log, valid on this node until
 * it is used or until someone else made the first account.
 */
@Component
@Order(10)
public class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffDirectory staff;
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    /** SHA-256 of the setup token while one is outstanding, else null. */
    private volatile byte[] tokenHash;

    FirstAdministrator(StaffDirectory staff, @Value("${playerdesk.admin.username:}") String username,
            @Value("${playerdesk.admin.password:}") String password) {
        this.staff = staff;
        this.username = username == null ? "" : username.strip();
        this.password = password == null ? "" : password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staff.anyone()) {
            return;
        }
        if (!username.isEmpty() && !password.isEmpty()) {
            try {
                staff.enrolFirstAdministrator(username, username, password, "zh-CN", "from the configuration")
                        .ifPresent(admin -> log.info("Staff: created the first administrator '{}' from "
                                + "playerdesk.admin.username (PLAYERDESK_ADMIN_USERNAME)", admin.username()));
            } catch (org.playerdesk.system.errors.InvalidInput invalid) {
                // the field errors name the fields and the rule, never the value given
                throw new IllegalStateException("PLAYERDESK_ADMIN_USERNAME / PLAYERDESK_ADMIN_PASSWORD cannot make the "
                        + "first administrator: " + invalid.getMessage(), invalid);
            }
            return;
        }
        if (!username.isEmpty() || !password.isEmpty()) {
            log.warn("Staff: only one of PLAYERDESK_ADMIN_USERNAME and PLAYERDESK_ADMIN_PASSWORD is set; both are needed");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        tokenHash = sha256(token);
        log.warn("Staff: no staff account exists. Create the first administrator at /setup?token={} "
                + "(valid until used), or set PLAYERDESK_ADMIN_USERNAME and PLAYERDESK_ADMIN_PASSWORD", token);
    }

    /** Whether the setup page is open at all: no staff account exists yet. */
    public boolean setupOpen() {
        return !staff.anyone();
    }

    /** Whether the presented token is the outstanding one, compared in constant time. */
    public boolean accepts(String presented) {
        byte[] expected = tokenHash;
        if (expected == null || presented == null || presented.isEmpty() || presented.length() > 200) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    /**
     * Makes the first administrator with a valid token; the token is spent when it succeeds.
     * Empty when the token is not valid or someone was made first.
     */
    public synchronized Optional<StaffMember> complete(String presented, String username, String displayName,
            String password, String locale) {
        if (!accepts(presented) || staff.anyone()) {
            return Optional.empty();
        }
        Optional<StaffMember> admin = staff.enrolFirstAdministrator(username == null ? null : username.strip(),
                displayName, password, locale, "on the setup page");
        tokenHash = null;
        admin.ifPresent(a -> log.info("Staff: created the first administrator '{}' on the setup page", a.username()));
        return admin;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
