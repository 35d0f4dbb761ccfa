package org.playerdesk.announcement.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnnouncementSettings.class)
class AnnouncementConfiguration {
}
