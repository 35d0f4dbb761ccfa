package org.playerdesk.incident.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {
}
