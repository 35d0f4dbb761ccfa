package org.playerdesk.access.internal;

import java.io.IOException;
import java.util.Locale;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.Locales;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors. The game API ({@code /api/v1/**}) is stateless and answers only to a game's API key
 * as a bearer token. Everything else is the console (form sign-in, session, CSRF) and the
 * public help center.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String GAME_ROLE = "GAME";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain gameApi(HttpSecurity http, ApiKeys keys) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(GAME_ROLE))
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthorized(response))
                        .accessDeniedHandler((request, response, ex) -> unauthorized(response)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LocaleResolver localeResolver) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/error", "/help/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/console/admin/api-keys/**").hasAuthority(Permission.MANAGE_API_KEYS.name())
                        .requestMatchers("/console/admin/staff/**").hasAuthority(Permission.VIEW_STAFF.name())
                        .requestMatchers("/console/**").hasAuthority(Permission.VIEW_TICKETS.name())
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").successHandler(rememberLocale(localeResolver)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** After sign-in, the console speaks the language the member of staff chose last time. */
    private static AuthenticationSuccessHandler rememberLocale(LocaleResolver localeResolver) {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/console");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof StaffUser staff) {
                Locale locale = Locales.supported(staff.member().locale());
                localeResolver.setLocale(request, response, locale);
            }
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"https://playerdesk.org/problems/unauthorized","title":"Unauthorized","status":401,\
                "detail":"a valid game API key is required as 'Authorization: Bearer <key>'"}""");
    }
}
