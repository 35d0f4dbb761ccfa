package org.playerdesk.enforcement.internal;

import org.playerdesk.enforcement.AuthorityLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AuthorityLimits.class)
class EnforcementConfiguration {
}
