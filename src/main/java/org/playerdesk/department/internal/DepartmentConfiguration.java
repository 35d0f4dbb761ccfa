package org.playerdesk.department.internal;

import org.playerdesk.department.DepartmentSettings;
import org.playerdesk.system.secrets.SecretColumn;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentSettings.class)
class DepartmentConfiguration {

    /** The webhook secret is sealed at rest ({@code SealedSecret}). */
    @Bean
    static SecretColumn departmentWebhookSecret() {
        return new SecretColumn("department", "id", "webhook_secret");
    }
}
