package org.playerdesk.access.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.Permission;
import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.playerdesk.access.internal.ratelimit.RateLimits;
import org.playerdesk.access.internal.sso.SingleSignOn;
import org.springframework.beans.factory.ObjectProvider;
import org.playerdesk.access.internal.ratelimit.SignInLimits;
import org.playerdesk.access.internal.twofactor.PasswordStep;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.locale.Locales;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
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
    /** The console uses none of the browser's devices or sensors. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RequestRejectedHandler rejectedRequests() {
        return new RejectedRequests();
    }

    /** The paths other servers call with their own proof (see {@link ServerEndpoints}): only those paths. */
    @Bean
    @Order(0)
    SecurityFilterChain serverEndpoints(HttpSecurity http, List<ServerEndpoints> endpoints) throws Exception {
        String[] paths = endpoints.stream().flatMap(e -> e.paths().stream()).distinct().toArray(String[]::new);
        http.securityMatcher(paths.length == 0 ? new String[] { "/no-server-endpoints" } : paths)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain gameApi(HttpSecurity http, ApiKeys keys, RateLimits limits, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(GAME_ROLE))
                .addFilterBefore(new ApiKeyFilter(keys, limits.api(), problems), BasicAuthenticationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthorized(problems, request, response))
                        .accessDeniedHandler((request, response, ex) -> unauthorized(problems, request, response)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LocaleResolver localeResolver, RateLimits limits,
            StaffDirectory staff, PasswordEncoder passwords, JdbcTemplate jdbc, Clock clock, SignInLimits signIns,
            PasswordStep passwordStep, ObjectProvider<SingleSignOn> singleSignOn) throws Exception {
        AuthenticationSuccessHandler signedIn = rememberLocale(localeResolver, staff, clock);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/setup", "/reset-password", "/error", "/help/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/console/admin/api-keys/**").hasAuthority(Permission.MANAGE_API_KEYS.name())
                        .requestMatchers("/console/admin/staff/**").hasAuthority(Permission.VIEW_STAFF.name())
                        .requestMatchers("/console/admin/teams/**").hasAuthority(Permission.MANAGE_STAFF.name())
                        .requestMatchers("/console/password").authenticated()
                        .requestMatchers("/console/**").hasAuthority(Permission.VIEW_TICKETS.name())
                        .anyRequest().denyAll())
                .addFilterBefore(new SessionCheck(jdbc), AuthorizationFilter.class)
                // two-factor sign-in: a session with the password alone reaches only the second step
                .addFilterAfter(passwordStep.gate(), SessionCheck.class)
                .formLogin(f -> f.loginPage("/login").successHandler(passwordStep.then(signedIn))
                        .failureHandler(countFailure(signIns, staff, passwords)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        singleSignOn(http, singleSignOn.getIfAvailable(), signedIn);
        return http.build();
    }

    /** The studio's identity provider as a second way in, when configured (see {@link SingleSignOn}). */
    private static void singleSignOn(HttpSecurity http, SingleSignOn singleSignOn, AuthenticationSuccessHandler signedIn)
            throws Exception {
        if (singleSignOn != null) {
            singleSignOn.configure(http, signedIn);
        }
    }

    /** After sign-in, the console speaks the language the member of staff chose last time. */
    private static AuthenticationSuccessHandler rememberLocale(LocaleResolver localeResolver, StaffDirectory directory,
            Clock clock) {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/console");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof StaffUser staff) {
                Locale locale = Locales.supported(staff.member().locale());
                localeResolver.setLocale(request, response, locale);
                // the session's sign-in time, compared with the account's "sessions ended at" on each request
                request.getSession().setAttribute(SessionCheck.SIGNED_IN_AT, clock.instant());
                directory.signedIn(staff.id());
            }
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * A failed sign-in spends one of the attempts of the client address and of the account (or of
     * the browser's device cookie, see {@link SignInLimits}); when none are left, the public-form
     * limit answers 429 before the password is even checked (brute-force protection). Successful
     * sign-ins cost nothing.
     */
    private static AuthenticationFailureHandler countFailure(SignInLimits attempts, StaffDirectory staff,
            PasswordEncoder passwords) {
        AuthenticationFailureHandler target = new SimpleUrlAuthenticationFailureHandler("/login?error");
        AuthenticationFailureHandler disabled = new SimpleUrlAuthenticationFailureHandler("/login?disabled");
        return (request, response, exception) -> {
            attempts.failed(request);
            // Spring checks "disabled" before the password: only someone who knows the password
            // learns that the account is disabled
            if (exception instanceof DisabledException && knowsPassword(request, staff, passwords)) {
                disabled.onAuthenticationFailure(request, response, exception);
                return;
            }
            target.onAuthenticationFailure(request, response, exception);
        };
    }

    private static boolean knowsPassword(HttpServletRequest request, StaffDirectory staff, PasswordEncoder passwords) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || password == null) {
            return false;
        }
        try {
            return passwords.matches(password, staff.loadUserByUsername(username).getPassword());
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    static void tooManyRequests(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response,
            long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "problem.apiKeyRateLimited");
    }

    static void unauthorized(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.send(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "problem.unauthorized");
    }
}
