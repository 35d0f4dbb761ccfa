package org.playerdesk.vip.internal;

import org.playerdesk.vip.VipSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The VIP service's settings. A VIP player's new ticket goes to their VIP manager through
 * routing's "VIP manager first" (the one place that assigns tickets), which asks
 * {@link org.playerdesk.vip.VipService#managerOf}.
 */
@Configuration
@EnableConfigurationProperties(VipSettings.class)
class VipConfiguration {
}
