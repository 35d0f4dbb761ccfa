package org.playerdesk.access.internal.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.signing.HmacSigner;
import org.playerdesk.system.SecureCookies;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed cookie a browser gets after a complete sign-in to an account (password, and the
 * second step when the account has one): {@code username.issued.signature}, signed with the
 * account's own key ({@code sign_in_device_key}) by the one signer. It is sent only to the sign-in
 * form; a browser presenting it for the username it signs in as is spared that account's limit of
 * failed sign-ins and its address's, so that someone guessing an account's password cannot lock
 * its owner out of the browser they use.
 */
public final class DeviceCookies {

    static final String NAME = "PLAYERDESK_DEVICE";
    private static final String PATH = "/login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureCookies secureCookies;

    DeviceCookies(JdbcTemplate jdbc, Clock clock, int days, SecureCookies secureCookies) {
        this.secureCookies = secureCookies;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = Duration.ofDays(days);
    }

    /** Gives the browser a new cookie for this account (after a complete sign-in). */
    public void issue(HttpServletRequest request, HttpServletResponse response, UUID staffId, String username) {
        String key = keyOf(staffId);
        String name = normalised(username);
        long issued = clock.instant().getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8))
                + "." + issued;
        String value = payload + "." + HmacSigner.sign(key, "device/1\n" + payload);
        ResponseCookie cookie = ResponseCookie.from(NAME, value).path(request.getContextPath() + PATH).httpOnly(true)
                .secure(secureCookies.secure(request)).sameSite("Lax").maxAge(lifetime).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    /**
     * The signature of the request's device cookie when it is valid, unexpired and for the
     * username being signed in as: the browser's own key for its limit.
     */
    Optional<String> deviceOf(HttpServletRequest request, String username) {
        if (request.getCookies() == null || username == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())) {
                Optional<String> device = verify(cookie.getValue(), normalised(username));
                if (device.isPresent()) {
                    return device;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> verify(String value, String username) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!name.equals(username) || issued.plus(lifetime).isBefore(clock.instant())) {
                return Optional.empty();
            }
            List<String> keys = jdbc.queryForList("select k.secret from sign_in_device_key k join staff_account a "
                    + "on a.id = k.staff_id where lower(a.username) = ?", String.class, username);
            String payload = parts[0] + "." + parts[1];
            for (String key : keys) {
                if (HmacSigner.same(HmacSigner.sign(key, "device/1\n" + payload), parts[2])) {
                    return Optional.of(parts[2]);
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours
        }
        return Optional.empty();
    }

    private String keyOf(UUID staffId) {
        List<String> keys = jdbc.queryForList("select secret from sign_in_device_key where staff_id = ?", String.class,
                staffId);
        if (!keys.isEmpty()) {
            return keys.getFirst();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        try {
            jdbc.update("insert into sign_in_device_key (staff_id, secret, created_at) values (?, ?, ?)", staffId, key,
                    Timestamp.from(clock.instant()));
            return key;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return jdbc.queryForObject("select secret from sign_in_device_key where staff_id = ?", String.class,
                    staffId);
        }
    }

    static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
