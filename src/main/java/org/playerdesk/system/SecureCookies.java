package org.playerdesk.system;

import java.util.Locale;

import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the cookies PlayerDesk sets are marked {@code Secure} ({@code playerdesk.security.secure-cookies}):
 * {@code auto} when the request came over HTTPS (which behind a TLS-terminating proxy the server
 * learns from {@code X-Forwarded-Proto} once {@code server.forward-headers-strategy} is set),
 * {@code always}, or {@code never} (plain HTTP on a local machine). It applies to the session cookie
 * and every cookie added to a response through the server (its cookie processor), and to the cookies
 * written as headers, which ask {@link #secure(HttpServletRequest)}.
 */
@Component
public class SecureCookies {

    /** The three choices of the setting. */
    public enum Mode {
        AUTO, ALWAYS, NEVER
    }

    private final Mode mode;

    SecureCookies(@Value("${playerdesk.security.secure-cookies:auto}") String mode) {
        try {
            this.mode = Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("playerdesk.security.secure-cookies is '" + mode
                    + "'; it is auto, always or never");
        }
    }

    /** The setting. */
    public Mode mode() {
        return mode;
    }

    /** Whether a cookie set in answer to this request is {@code Secure}. */
    public boolean secure(HttpServletRequest request) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request != null && request.isSecure();
        };
    }

    /** A {@code Set-Cookie} header's value with its {@code Secure} attribute as this request needs it. */
    public String apply(String setCookie, HttpServletRequest request) {
        String plain = setCookie.replaceAll("(?i);\\s*Secure(?=;|$)", "");
        return secure(request) ? plain + "; Secure" : plain;
    }

    /**
     * The server's cookie processor, marking cookies as the setting says: it writes the session
     * cookie (which the server marks {@code Secure} on HTTPS by itself) and every cookie added with
     * {@code addCookie}.
     */
    public Rfc6265CookieProcessor processor() {
        return new Rfc6265CookieProcessor() {
            @Override
            public String generateHeader(Cookie cookie, HttpServletRequest request) {
                cookie.setSecure(mode == Mode.AUTO ? cookie.getSecure() || secure(request) : secure(request));
                return super.generateHeader(cookie, request);
            }
        };
    }
}
