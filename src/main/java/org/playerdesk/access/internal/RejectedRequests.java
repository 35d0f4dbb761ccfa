package org.playerdesk.access.internal;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request the firewall refuses (a NUL or an encoded dot segment in the address, a
 * header value with control characters): problem details for the game API, which promises them
 * for every error, the site's error page for everything else. Without this a game server would
 * get a bare 400.
 */
class RejectedRequests implements RequestRejectedHandler {

    private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException, ServletException {
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (!(path.equals("/api/v1") || path.startsWith("/api/v1/"))) {
            pages.handle(request, response, rejected);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the rejected address is not echoed: it is what the firewall found unsafe
        response.getWriter().write("""
                {"type":"https://playerdesk.org/problems/bad-request","title":"Bad request","status":400,\
                "detail":"the address or a header of the request holds characters that are not allowed"}""");
    }
}
