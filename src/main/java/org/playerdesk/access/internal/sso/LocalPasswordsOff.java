package org.playerdesk.access.internal.sso;

import java.io.IOException;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffPasswords;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With local passwords off ({@code playerdesk.sso.local-passwords=false}) staff sign in through
 * the identity provider only: the password form, the one-time reset link and the change of one's
 * own password are refused, except for the break-glass account ({@code playerdesk.sso.break-glass}).
 */
class LocalPasswordsOff extends OncePerRequestFilter {

    private final SingleSignOnSettings settings;
    private final StaffPasswords passwords;

    LocalPasswordsOff(SingleSignOnSettings settings, StaffPasswords passwords) {
        this.settings = settings;
        this.passwords = passwords;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return settings.localPasswords();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/login") && "POST".equals(request.getMethod())
                && settings.refusesPasswordOf(request.getParameter("username"))) {
            response.sendRedirect(request.getContextPath() + "/login?sso=passwords-off");
            return;
        }
        if (path.equals("/reset-password") && settings.refusesPasswordOf(passwords
                .linkHolder(request.getParameter("token")).map(StaffMember::username).orElse(null))) {
            response.sendRedirect(request.getContextPath() + "/login?sso=passwords-off");
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (path.equals("/console/password") && signedIn != null && settings.refusesPasswordOf(signedIn.getName())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
