package org.playerdesk.access.internal.sso;

import java.util.Map;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.internal.sso.SingleSignOnAccounts.Identity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Reads the provider's claims (ID token, then user info) and finds the PlayerDesk account they sign in as. */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The provider's user, with the PlayerDesk member it signs in as. */
    static final class StaffOidcUser extends DefaultOidcUser {

        private final transient StaffMember member;

        StaffOidcUser(OidcUser user, StaffMember member) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.member = member;
        }

        StaffMember member() {
            return member;
        }
    }

    private final OidcUserService provider = new OidcUserService();
    private final SingleSignOnAccounts accounts;
    private final SingleSignOnSettings.Claims claims;

    StaffOidcUserService(SingleSignOnAccounts accounts, SingleSignOnSettings settings) {
        this.accounts = accounts;
        this.claims = settings.claims();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = provider.loadUser(request);
        Map<String, Object> said = user.getClaims();
        Identity who = new Identity(user.getIdToken().getIssuer().toString(), user.getSubject(),
                text(said.get(claims.username())), text(said.get(claims.name())), text(said.get(claims.email())),
                Boolean.TRUE.equals(user.getEmailVerified()), ClaimMapping.groups(said.get(claims.groups())));
        return new StaffOidcUser(user, accounts.signIn(who));
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}
