package org.playerdesk.access.web;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the console's top bar may offer its reader: whether they are signed in, and the
 * authorities (permissions and {@code ROLE_} of their role) the links are shown for. Every page's
 * request carries one ({@link TopBarAttribute}), so the frame tests a set for each of its forty-odd
 * links instead of evaluating a security expression for each (which parsed the expression and
 * built its evaluation context on every page, a twentieth of a console page's CPU). It reads the
 * same authorities as those expressions: the signed-in session's.
 */
public final class TopBar {

    /** A reader who is not signed in: the help center, the sign-in page. */
    public static final TopBar SIGNED_OUT = new TopBar(false, Set.of());

    /** One per set of authorities: a department has a handful of roles, so this stays small. */
    private static final ConcurrentMap<Set<String>, TopBar> SIGNED_IN = new ConcurrentHashMap<>();

    private final boolean signedIn;
    private final Set<String> authorities;

    private TopBar(boolean signedIn, Set<String> authorities) {
        this.signedIn = signedIn;
        this.authorities = authorities;
    }

    static TopBar of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return SIGNED_OUT;
        }
        Set<String> names = names(authentication.getAuthorities());
        return SIGNED_IN.computeIfAbsent(names, n -> new TopBar(true, n));
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
    }

    public boolean signedIn() {
        return signedIn;
    }

    /** Whether the reader holds the authority: a permission's name, or {@code ROLE_} and a role's. */
    public boolean has(String authority) {
        return authorities.contains(authority);
    }

    /** Whether the reader holds either authority. */
    public boolean hasEither(String authority, String other) {
        return authorities.contains(authority) || authorities.contains(other);
    }

    /** A supervisor or an administrator. */
    public boolean leads() {
        return hasEither("ROLE_ADMIN", "ROLE_SUPERVISOR");
    }
}
