package org.playerdesk.announcement.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.announcements.*}: how many announcements' banners an agent sees at most on a
 * console page at once (the pinned and newest first).
 */
@ConfigurationProperties("playerdesk.announcements")
public record AnnouncementSettings(@DefaultValue("3") int bannerLimit) {
}
