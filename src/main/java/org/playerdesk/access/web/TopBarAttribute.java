package org.playerdesk.access.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every page the reader's {@link TopBar} as the request attribute {@code topBar}, which the
 * shared frame (fragments/layout) reads: set before the handler runs, so that a page rendered by
 * an error handler or on the error dispatch has it too, which a model attribute would not. With it,
 * for a signed-in reader, the top bar's parts kept for their authorities and language
 * ({@link TopBarParts}, request attribute {@code topBarParts}).
 */
@Configuration
class TopBarAttribute implements WebMvcConfigurer, HandlerInterceptor {

    static final String NAME = "topBar";

    private final TopBarParts.Kept parts;

    TopBarAttribute(ObjectProvider<ThymeleafViewResolver> views) {
        this.parts = new TopBarParts.Kept(views);
    }

    /**
     * After every other interceptor: the parts are made in the page's language, which one of them
     * may still change ({@code ?lang=}, the language link of the help center and of a console page).
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TopBar bar = TopBar.of(SecurityContextHolder.getContext().getAuthentication());
        request.setAttribute(NAME, bar);
        request.setAttribute(TopBarParts.NAME, parts.of(bar, request, response));
        return true;
    }
}
