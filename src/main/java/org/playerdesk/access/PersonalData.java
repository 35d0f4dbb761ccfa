package org.playerdesk.access;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Masks a player's personal data for display: IP addresses, contact email and phone numbers are
 * shown masked to everyone by default; staff with {@link Permission#VIEW_PERSONAL_DATA} may reveal
 * them, and each reveal is written to the {@link AuditLog}. Controllers and panels mask what they
 * put in the model; templates show it as given.
 */
@Component("personalData")
public class PersonalData {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");

    /** {@code 113.88.12.45} → {@code 113.88.*.*}; an IPv6 address keeps its first two groups. */
    public String ip(String ip) {
        if (ip == null || ip.isBlank()) {
            return ip;
        }
        var v4 = IPV4.matcher(ip.strip());
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + ".*.*";
        }
        String[] groups = ip.strip().split(":");
        return groups.length > 2 ? groups[0] + ":" + groups[1] + ":*" : "*";
    }

    /** {@code player@example.com} → {@code p*****@example.com}. */
    public String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "*".repeat(Math.min(8, email.length()));
        }
        return email.charAt(0) + "*".repeat(Math.max(3, Math.min(8, at - 1))) + email.substring(at);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
