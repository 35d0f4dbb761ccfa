package org.playerdesk.workforce.internal.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.staff.*}: what the emailed one-time password links need.
 *
 * @param publicUrl the address staff open the console at, for the link (like {@code PLAYERDESK_PUBLIC_URL})
 * @param mailFrom the sender of the email
 * @param resetLinkValid how long a one-time link works (24 hours by default)
 */
@ConfigurationProperties("playerdesk.staff")
record StaffMailSettings(String publicUrl, String mailFrom, Duration resetLinkValid) {

    StaffMailSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom.strip();
        resetLinkValid = resetLinkValid == null ? Duration.ofHours(24) : resetLinkValid;
    }
}
