package org.playerdesk.ticket.bulk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BulkProperties.class)
class BulkConfiguration {
}
