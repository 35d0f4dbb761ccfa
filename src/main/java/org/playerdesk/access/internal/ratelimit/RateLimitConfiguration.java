package org.playerdesk.access.internal.ratelimit;

import java.time.Clock;

import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rate limits of the public doors; the game API's is applied with its key (see the security configuration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitProperties.class, SignInLimitProperties.class })
class RateLimitConfiguration {

    /** Before the help center's own filter (-101), which reads multipart forms, and before security (-100). */
    private static final int BEFORE_FORMS_ARE_READ = -110;

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, RateLimiters limiters) {
        return new RateLimits(properties, limiters);
    }

    @Bean
    DeviceCookies deviceCookies(JdbcTemplate jdbc, Clock clock, SignInLimitProperties properties,
            org.playerdesk.system.SecureCookies secureCookies) {
        return new DeviceCookies(jdbc, clock, properties.deviceCookieDays(), secureCookies);
    }

    @Bean
    SignInLimits signInLimits(RateLimits limits, SignInLimitProperties signIns, RateLimitProperties properties,
            RateLimiters limiters, DeviceCookies devices, ApplicationEventPublisher events, Clock clock) {
        return new SignInLimits(limits, signIns, properties.enabled(), limiters, devices, events, clock);
    }

    @Bean
    FilterRegistrationBean<PublicFormLimit> publicFormLimit(RateLimits limits, SignInLimits signIns,
            ProblemResponses problems) {
        FilterRegistrationBean<PublicFormLimit> registration = new FilterRegistrationBean<>(
                new PublicFormLimit(limits, signIns, problems));
        registration.addUrlPatterns("/help/*", PublicFormLimit.SIGN_IN, "/chat/api/*");
        registration.setOrder(BEFORE_FORMS_ARE_READ);
        return registration;
    }
}
