package org.playerdesk.channel.help;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HelpWebConfiguration {

    /** Spring Security's filter chain runs at order -100; the help filter must come just before it. */
    private static final int BEFORE_SECURITY = -101;

    @Bean
    FilterRegistrationBean<HelpRequestFilter> helpRequestFilter() {
        FilterRegistrationBean<HelpRequestFilter> registration = new FilterRegistrationBean<>(new HelpRequestFilter());
        registration.addUrlPatterns("/help/*");
        registration.setOrder(BEFORE_SECURITY);
        return registration;
    }
}
