package org.playerdesk.access.internal;

import java.io.IOException;
import java.util.List;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.GameClient;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns {@code Authorization: Bearer <key>} into a {@link GameClient}; anything else is 401. A key
 * over its rate limit is answered 429 before its request is read.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final RateLimiter limit;
    private final ProblemResponses problems;

    ApiKeyFilter(ApiKeys keys, RateLimiter limit, ProblemResponses problems) {
        this.keys = keys;
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            SecurityConfiguration.unauthorized(problems, request, response);
            return;
        }
        GameClient client = keys.authenticate(header.substring(7).strip()).orElse(null);
        if (client == null) {
            SecurityConfiguration.unauthorized(problems, request, response);
            return;
        }
        RateLimiter.Admission admission = limit.take(client.keyId().toString());
        if (!admission.admitted()) {
            SecurityConfiguration.tooManyRequests(problems, request, response, admission.retryAfterSeconds());
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(client, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + SecurityConfiguration.GAME_ROLE)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
