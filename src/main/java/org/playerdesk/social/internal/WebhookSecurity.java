package org.playerdesk.social.internal;

import org.playerdesk.access.ServerEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platforms' webhooks: no session and no CSRF token, as a platform's server calls them; each
 * request is verified by its platform's own signature scheme in its controller instead, and
 * anything unsigned or wrongly signed is refused there.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurity {

    @Bean
    ServerEndpoints socialWebhooks() {
        return ServerEndpoints.of("/social/hooks/**");
    }
}
