package org.playerdesk.access.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.access.internal.twofactor.TwoFactorGate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Sessions live on the node that signed them in, so disabling an account cannot reach them
 * directly: on every request of a signed-in member this node reads the account's row by its
 * primary key (one indexed read, about as cheap as the session lookup itself) and signs the
 * session out when the account is disabled or its sessions were ended after this one signed in.
 * A member with a temporary password is sent to change it before anything else but the
 * two-factor step of their sign-in.
 */
class SessionCheck extends OncePerRequestFilter {

    /** When this session signed in, set by the sign-in's success handler. */
    static final String SIGNED_IN_AT = "playerdesk.signedInAt";
    static final String CHANGE_PASSWORD = "/console/password";

    private record State(boolean enabled, Instant sessionsEndedAt, boolean mustChangePassword) {
    }

    private final JdbcTemplate jdbc;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    SessionCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (signedIn == null || !(signedIn.getPrincipal() instanceof StaffUser staff) || session == null) {
            chain.doFilter(request, response);
            return;
        }
        State state = state(staff.id());
        if (state == null || !state.enabled() || endedSince(session, state.sessionsEndedAt())) {
            logout.logout(request, response, signedIn);
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (state.mustChangePassword() && path.startsWith("/console") && !path.equals(CHANGE_PASSWORD)
                && !TwoFactorGate.ownPath(path)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }

    private State state(UUID staffId) {
        List<State> found = jdbc.query(
                "select enabled, sessions_ended_at, must_change_password from staff_account where id = ?",
                (row, n) -> {
                    Timestamp ended = row.getTimestamp(2);
                    return new State(row.getBoolean(1), ended == null ? null : ended.toInstant(), row.getBoolean(3));
                }, staffId);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Whether this session signed in before the account's sessions were ended. */
    private static boolean endedSince(HttpSession session, Instant endedAt) {
        if (endedAt == null) {
            return false;
        }
        Instant signedInAt = session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at
                : Instant.ofEpochMilli(session.getCreationTime());
        return signedInAt.isBefore(endedAt);
    }
}
