package org.playerdesk.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.notifications.*}: what the notifications sent by email need.
 *
 * @param publicUrl the address staff open the console at, for the links in the emails (default
 *        {@code http://localhost:8080}, like {@code PLAYERDESK_PUBLIC_URL})
 * @param mailFrom the sender of the emails (default {@code playerdesk@localhost})
 */
@ConfigurationProperties("playerdesk.notifications")
public record NotificationSettings(String publicUrl, String mailFrom) {

    public NotificationSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom.strip();
    }
}
