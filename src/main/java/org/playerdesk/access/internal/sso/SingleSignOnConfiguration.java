package org.playerdesk.access.internal.sso;

import java.time.Clock;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffPasswords;
import org.playerdesk.access.internal.StaffAccountRepository;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.game.GameCatalog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Single sign-on's parts, made only when {@code playerdesk.sso.enabled}; the settings always (the sign-in page reads them). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnSettings.class)
class SingleSignOnConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("playerdesk.sso.enabled")
    static class Enabled {

        @Bean
        SingleSignOnAccounts singleSignOnAccounts(SingleSignOnSettings settings, StaffAccountRepository accounts,
                JdbcTemplate jdbc, PasswordEncoder passwords, GameCatalog games, AuditLog audit, Clock clock,
                ReferenceData referenceData) {
            if (settings.issuerUri() == null || settings.clientId() == null) {
                throw new IllegalStateException(
                        "playerdesk.sso.enabled needs playerdesk.sso.issuer-uri and playerdesk.sso.client-id");
            }
            return new SingleSignOnAccounts(settings, accounts, jdbc, passwords, games, audit, clock, referenceData);
        }

        @Bean
        SingleSignOn singleSignOn(SingleSignOnSettings settings, SingleSignOnAccounts accounts,
                StaffPasswords passwords) {
            return new SingleSignOn(settings, new ProviderRegistration(settings),
                    new StaffOidcUserService(accounts, settings), passwords);
        }
    }
}
