package org.playerdesk.access.internal.twofactor;

import java.io.IOException;

import org.playerdesk.access.StaffUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps a session signed in with the password alone to the second step: a member who has
 * two-factor sign-in reaches nothing of the console but the code page
 * ({@value #CHECK}) until a code is accepted, and a member whose role requires it but who has none
 * reaches nothing but enrolment ({@value #ENROL}) until enrolled. Spring Security marks the
 * password sign-in with the factor {@code FACTOR_PASSWORD}; an accepted code adds
 * {@value #FACTOR}. Sign-ins without a password (tests' principals, single sign-on) are left alone.
 */
public final class TwoFactorGate extends OncePerRequestFilter {

    /** The authority of a session whose second step is done. */
    public static final String FACTOR = "FACTOR_TOTP";
    static final String ENROL = "/console/two-factor";
    static final String CHECK = "/console/two-factor/check";
    /** A session for which the second step turned out not to be needed. */
    private static final String NOT_NEEDED = "playerdesk.twoFactorNotNeeded";

    private final TwoFactor twoFactor;

    public TwoFactorGate(TwoFactor twoFactor) {
        this.twoFactor = twoFactor;
    }

    /** Whether the path is one of the two-factor pages, which a partly signed-in session may open. */
    public static boolean ownPath(String path) {
        return path.equals(ENROL) || path.startsWith(ENROL + "/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/console");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (signedIn == null || !(signedIn.getPrincipal() instanceof StaffUser staff) || session == null
                || !has(signedIn, FactorGrantedAuthority.PASSWORD_AUTHORITY) || has(signedIn, FACTOR)
                || session.getAttribute(NOT_NEEDED) != null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String page;
        if (twoFactor.enrolled(staff.id())) {
            page = CHECK;
        } else if (twoFactor.required(staff.role())) {
            page = ENROL;
        } else {
            session.setAttribute(NOT_NEEDED, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = page.equals(CHECK) ? path.equals(CHECK)
                : path.equals(ENROL) || path.equals(ENROL + "/confirm");
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + page);
    }

    static boolean has(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
