package org.playerdesk.access.internal.sso;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.sso.*} settings: staff sign in with the studio's OpenID Connect identity
 * provider. Off unless {@code enabled}; see docs/sign-in.md.
 *
 * @param enabled whether the sign-in page offers the identity provider's button
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} is read at
 *        the first sign-in
 * @param clientId PlayerDesk's client id at the provider
 * @param clientSecret its secret (never logged)
 * @param button the button's words, in English ({@code en}) and Simplified Chinese ({@code zh})
 * @param claims which claims carry the user name, the display name, the e-mail address and the groups
 * @param rolesFrom {@code claims}: roles and games come from the groups claim through {@code roles}
 *        and {@code games} at every sign-in; {@code playerdesk}: they are kept in PlayerDesk
 * @param roles group → role code ({@code admin}, {@code supervisor}, {@code qa}, {@code agent_l1}, …)
 * @param games group → game codes
 * @param unknownUsers what the first sign-in of someone without an account does: {@code refuse} or
 *        {@code create-disabled} (an account awaiting an administrator)
 * @param matchByEmail whether the first sign-in links an existing account with the same verified
 *        e-mail address
 * @param localPasswords whether staff may still sign in with a PlayerDesk password
 * @param breakGlass the one account that keeps its password when local passwords are off
 */
@ConfigurationProperties("playerdesk.sso")
public record SingleSignOnSettings(boolean enabled, String issuerUri, String clientId, String clientSecret,
        Button button, Claims claims, RolesFrom rolesFrom, Map<String, String> roles, Map<String, List<String>> games,
        UnknownUsers unknownUsers, boolean matchByEmail, Boolean localPasswords, String breakGlass) {

    /** The registration id in PlayerDesk's paths: {@code /oauth2/authorization/staff}. */
    public static final String REGISTRATION = "staff";

    public SingleSignOnSettings {
        button = button == null ? new Button(null, null) : button;
        claims = claims == null ? new Claims(null, null, null, null) : claims;
        rolesFrom = rolesFrom == null ? RolesFrom.PLAYERDESK : rolesFrom;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        games = games == null ? Map.of() : Map.copyOf(games);
        unknownUsers = unknownUsers == null ? UnknownUsers.REFUSE : unknownUsers;
        localPasswords = localPasswords == null || localPasswords;
        breakGlass = breakGlass == null || breakGlass.isBlank() ? null : breakGlass.strip();
    }

    public enum RolesFrom {
        CLAIMS, PLAYERDESK
    }

    public enum UnknownUsers {
        REFUSE, CREATE_DISABLED
    }

    public record Button(String en, String zh) {

        public Button {
            en = en == null || en.isBlank() ? "Sign in with the studio account" : en;
            zh = zh == null || zh.isBlank() ? "使用工作室账号登录" : zh;
        }

        public String in(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    public record Claims(String username, String name, String email, String groups) {

        public Claims {
            username = username == null || username.isBlank() ? "preferred_username" : username;
            name = name == null || name.isBlank() ? "name" : name;
            email = email == null || email.isBlank() ? "email" : email;
            groups = groups == null || groups.isBlank() ? "groups" : groups;
        }
    }

    /** Whether local passwords are off and {@code username} is not the break-glass account. */
    public boolean refusesPasswordOf(String username) {
        return enabled && !localPasswords && (breakGlass == null || !breakGlass.equals(username));
    }
}
