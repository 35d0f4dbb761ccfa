package org.playerdesk.access.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every page the reader's {@link TopBar} as the request attribute {@code topBar}, which the
 * shared frame (fragments/layout) reads: set before the handler runs, so that a page rendered by
 * an error handler or on the error dispatch has it too, which a model attribute would not.
 */
@Configuration
class TopBarAttribute implements WebMvcConfigurer, HandlerInterceptor {

    static final String NAME = "topBar";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(NAME, TopBar.of(SecurityContextHolder.getContext().getAuthentication()));
        return true;
    }
}
