package org.playerdesk.access.web;

import java.net.URI;
import java.util.Locale;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.locale.Locales;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language switch of the console. The choice is saved on the account, so the next sign-in
 * (on any browser) speaks it too.
 */
@Controller
class LocalePreferenceController {

    static final String HOME = "/console/tickets";

    private final StaffDirectory staff;
    private final LocaleResolver locales;

    LocalePreferenceController(StaffDirectory staff, LocaleResolver locales) {
        this.staff = staff;
        this.locales = locales;
    }

    @PostMapping("/console/preferences/locale")
    String prefer(@RequestParam(defaultValue = "") String locale, @AuthenticationPrincipal StaffUser me,
            @RequestHeader(name = "Referer", required = false) String referer, HttpServletRequest request,
            HttpServletResponse response) {
        Locale chosen = Locales.supported(locale);
        staff.preferLocale(me.id(), Locales.tag(chosen));
        locales.setLocale(request, response, chosen);
        return "redirect:" + backTo(referer, request);
    }

    /**
     * Back where the switch was pressed, but only to a console page of this same site: a
     * Referer is sent by the browser and must not turn this into an open redirect.
     */
    static String backTo(String referer, HttpServletRequest request) {
        if (referer == null || referer.isBlank()) {
            return HOME;
        }
        try {
            URI uri = URI.create(referer.strip()).normalize();
            boolean sameOrigin = uri.getHost() == null
                    || (uri.getHost().equalsIgnoreCase(request.getServerName())
                            && (uri.getPort() == -1 || uri.getPort() == request.getServerPort())
                            && (uri.getScheme() == null || uri.getScheme().equalsIgnoreCase(request.getScheme())));
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (!sameOrigin || path == null || !path.startsWith(context + "/console")) {
                return HOME;
            }
            String inside = path.substring(context.length());
            if (!inside.equals("/console") && !inside.startsWith("/console/") || inside.contains("//")
                    || inside.startsWith("/console/preferences")) {
                return HOME;
            }
            // a ?lang= in the page address would undo the choice just made
            return UriComponentsBuilder.fromPath(inside).query(uri.getRawQuery()).replaceQueryParam("lang")
                    .build(true).toUriString();
        } catch (IllegalArgumentException e) {
            return HOME;
        }
    }
}
