package org.playerdesk.channel.help;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs on every help-center request, before security.
 * <p>
 * The private link is the player's only key to their ticket, so no help-center page may hand
 * its address to another site: {@code Referrer-Policy: no-referrer}, set here so that error
 * pages carry it too.
 * <p>
 * A form whose file is over the servlet's upload limit cannot be read at all, not even its
 * CSRF token, so security would refuse it with a bare 403 before any controller could explain.
 * The form is read here first; when it is too large (or broken), the player is sent back to the
 * page they came from, which says what went wrong.
 */
class HelpRequestFilter extends OncePerRequestFilter {

    /** Query parameter the form pages read to explain a refused upload. */
    static final String UPLOAD_PROBLEM = "upload";
    static final String TOO_LARGE = "too-large";
    static final String UNREADABLE = "unreadable";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "no-referrer");
        String problem = uploadProblem(request);
        if (problem != null) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, formPage(request) + "?" + UPLOAD_PROBLEM + "=" + problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String uploadProblem(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!"POST".equals(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        try {
            // parses the parts now; the servlet container keeps them for the controller
            new StandardMultipartHttpServletRequest(request);
            return null;
        } catch (MaxUploadSizeExceededException e) {
            return TOO_LARGE;
        } catch (MultipartException e) {
            return UNREADABLE;
        }
    }

    /** The page holding the form: the address without its last step ({@code /tickets}, {@code /messages}). */
    private static String formPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(0, uri.lastIndexOf('/'));
    }
}
