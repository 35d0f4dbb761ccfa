package org.playerdesk.channel.help;

import java.util.List;
import java.util.Locale;

import org.playerdesk.channel.HelpPageContent;
import org.playerdesk.game.GameCatalog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds what other modules show on a game's help-center pages ({@link HelpPageContent}) to each
 * page's model after its controller has run: on the game's home only, or on every page of the
 * game's help center, as each content asks.
 */
@Configuration
class HelpPageContents implements WebMvcConfigurer, HandlerInterceptor {

    private final GameCatalog games;
    private final List<HelpPageContent> contents;

    HelpPageContents(GameCatalog games, List<HelpPageContent> contents) {
        this.games = games;
        this.contents = contents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/help/*", "/help/*/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (contents.isEmpty() || page == null || page.getViewName() == null
                || page.getViewName().startsWith("redirect:")) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/", 4);
        if (parts.length < 3 || parts[2].isEmpty()) {
            return;
        }
        boolean home = parts.length == 3 || parts[3].isEmpty();
        Locale locale = RequestContextUtils.getLocale(request);
        games.byCode(parts[2]).ifPresent(game -> {
            for (HelpPageContent content : contents) {
                if (content.homeOnly() && !home) {
                    continue;
                }
                List<?> shown = content.shown(game, locale);
                if (!shown.isEmpty()) {
                    page.addObject(content.attribute(), shown);
                }
            }
        });
    }
}
