package org.playerdesk.chat.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The player's door to the chat ({@code /chat/**}): no console session and no cookies; the chat
 * API answers to the chat token, the WebSocket to the signed identity. The widget runs inside
 * games' pages and web views, so it may be framed; no inline scripts.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurityConfiguration {

    /** Each game's chat identity secret is sealed at rest ({@code SealedSecret}). */
    @org.springframework.context.annotation.Bean
    static org.playerdesk.system.secrets.SecretColumn chatSettingsSecret() {
        return new org.playerdesk.system.secrets.SecretColumn("chat_settings", "game_id", "secret");
    }

    @Bean
    @Order(0)
    SecurityFilterChain playerChat(HttpSecurity http) throws Exception {
        http.securityMatcher("/chat/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                                        + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'"))
                        .frameOptions(f -> f.disable()));
        return http.build();
    }
}
