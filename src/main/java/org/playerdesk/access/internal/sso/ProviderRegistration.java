package org.playerdesk.access.internal.sso;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * PlayerDesk's one registration at the identity provider, read from the provider's discovery
 * document at the first sign-in rather than at start-up, so that a provider out of reach keeps
 * no node from starting (the break-glass account still signs in meanwhile).
 */
class ProviderRegistration implements ClientRegistrationRepository {

    private final SingleSignOnSettings settings;
    private volatile ClientRegistration registration;

    ProviderRegistration(SingleSignOnSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!SingleSignOnSettings.REGISTRATION.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                            .registrationId(SingleSignOnSettings.REGISTRATION)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope("openid", "profile", "email")
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                }
                known = registration;
            }
        }
        return known;
    }
}
