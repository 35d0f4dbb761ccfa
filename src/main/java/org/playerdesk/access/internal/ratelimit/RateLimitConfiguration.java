package org.playerdesk.access.internal.ratelimit;

import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits of the public doors; the game API's is applied with its key (see the security configuration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Before the help center's own filter (-101), which reads multipart forms, and before security (-100). */
    private static final int BEFORE_FORMS_ARE_READ = -110;

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, RateLimiters limiters) {
        return new RateLimits(properties, limiters);
    }

    @Bean
    FilterRegistrationBean<PublicFormLimit> publicFormLimit(RateLimits limits, ProblemResponses problems) {
        FilterRegistrationBean<PublicFormLimit> registration = new FilterRegistrationBean<>(
                new PublicFormLimit(limits, problems));
        registration.addUrlPatterns("/help/*", PublicFormLimit.SIGN_IN);
        registration.setOrder(BEFORE_FORMS_ARE_READ);
        return registration;
    }
}
