package org.playerdesk.access.internal.sso;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffPasswords;
import org.playerdesk.access.StaffUser;
import org.playerdesk.access.internal.sso.StaffOidcUserService.StaffOidcUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The console's sign-in through the studio's identity provider (OpenID Connect, authorization
 * code): added to the console's security chain when {@code playerdesk.sso.enabled}. The provider's
 * identity only finds the PlayerDesk account ({@link SingleSignOnAccounts}); the session then
 * holds that member as a password sign-in does, so the session checks, the last sign-in and the
 * language apply alike.
 */
public class SingleSignOn {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
    private static final Set<String> REFUSALS = Arrays.stream(SingleSignOnRefused.Reason.values())
            .map(reason -> reason.code).collect(Collectors.toSet());

    private final SingleSignOnSettings settings;
    private final ProviderRegistration registration;
    private final StaffOidcUserService users;
    private final StaffPasswords passwords;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SingleSignOn(SingleSignOnSettings settings, ProviderRegistration registration, StaffOidcUserService users,
            StaffPasswords passwords) {
        this.settings = settings;
        this.registration = registration;
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * Adds the provider's sign-in to the console's chain; {@code signedIn} is what a password
     * sign-in does after success (records the sign-in, the session's time, the language).
     */
    public void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn) throws Exception {
        http.oauth2Login(o -> o.loginPage("/login")
                        .clientRegistrationRepository(registration)
                        // the provider's tokens live and die with the session, not in a map of the node
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .userInfoEndpoint(u -> u.oidcUserService(users))
                        .successHandler(asStaff(signedIn))
                        .failureHandler(refused()))
                .addFilterBefore(new LocalPasswordsOff(settings, passwords), UsernamePasswordAuthenticationFilter.class);
    }

    /** The session holds the PlayerDesk member, as after a password sign-in. */
    private AuthenticationSuccessHandler asStaff(AuthenticationSuccessHandler signedIn) {
        return (request, response, authentication) -> {
            StaffOidcUser user = (StaffOidcUser) authentication.getPrincipal();
            StaffUser staff = new StaffUser(user.member(), null);
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            contexts.saveContext(context, request, response);
            signedIn.onAuthenticationSuccess(request, response, context.getAuthentication());
        };
    }

    /** Back to the sign-in page, with the reason in words of the reader's language. */
    private static AuthenticationFailureHandler refused() {
        return (request, response, exception) -> {
            String code = exception instanceof OAuth2AuthenticationException oauth
                    && REFUSALS.contains(oauth.getError().getErrorCode()) ? oauth.getError().getErrorCode() : null;
            if (code == null) {
                log.warn("Sign-in through the identity provider failed: {}", exception.getMessage());
                code = "failed";
            }
            response.sendRedirect(request.getContextPath() + "/login?sso=" + code);
        };
    }
}
