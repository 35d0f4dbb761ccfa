package org.playerdesk.access.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The metrics scrape ({@code /actuator/prometheus}): its own door, see {@link MetricsScrape}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsScrape.Settings.class)
class MetricsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain metricsScrape(HttpSecurity http, MetricsScrape.Settings settings) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().access(new MetricsScrape(settings)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable());
        return http.build();
    }
}
