package org.playerdesk.incident.web;

import java.util.List;
import java.util.Locale;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.incident.HelpNotice;
import org.playerdesk.incident.Incidents;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every page of a game's help center (its home, a followed ticket, the answers) shows the notices
 * of the game's open incidents at the top. The pages belong to other modules, which know nothing
 * of incidents: after their controller has run, the notices are added to the page's model as
 * {@code incidentNotices}, and the layout's help header renders them with the fragment
 * {@code incident/help-notice}.
 */
@Configuration
class HelpCenterNotices implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "incidentNotices";

    private final GameCatalog games;
    private final Incidents incidents;

    HelpCenterNotices(GameCatalog games, Incidents incidents) {
        this.games = games;
        this.incidents = incidents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/help/*", "/help/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/", 4);
        if (parts.length < 3 || parts[2].isEmpty()) {
            return;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        games.byCode(parts[2]).ifPresent(game -> {
            List<HelpNotice> notices = incidents.notices(game.id(), locale);
            if (!notices.isEmpty()) {
                page.addObject(ATTRIBUTE, notices);
            }
        });
    }
}
