package org.playerdesk.system;

import org.playerdesk.system.database.DatabaseUnavailableFilter;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.errors.RefusedRequestReports;
import org.playerdesk.system.locale.Locales;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import tools.jackson.core.StreamReadFeature;


/**
 * The one clock (tests move it), and the locale: Simplified Chinese by default, English on
 * request, remembered in a cookie; signed-in staff get their saved preference (see access). And
 * the answer to a database outage: 503 with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlayerDeskProperties.class)
@EnableScheduling
class SystemConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A JSON object naming a field twice is refused, not read as its last value: a check that
     * read the first (a proxy, a signature) and code that reads the last must not disagree.
     */
    @Bean
    JsonMapperBuilderCustomizer strictDuplicates() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Requests the container refuses before the application sees them get problem details (APIs)
     * or a short page, not the container's page: added after Spring Boot's own report valve, so it
     * answers first.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedRequestReports() {
        return factory -> factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new RefusedRequestReports()));
    }

    /** The session cookie and every cookie added with {@code addCookie}: {@code Secure} as the setting says. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> secureCookieProcessor(SecureCookies cookies) {
        return factory -> factory.addContextCustomizers(context -> context.setCookieProcessor(cookies.processor()));
    }

    /** The language cookie, {@code Secure} as {@code playerdesk.security.secure-cookies} says. */
    @Bean
    LocaleResolver localeResolver(SecureCookies cookies) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(Locales.COOKIE) {
            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                jakarta.servlet.http.HttpServletResponse marking = new jakarta.servlet.http.HttpServletResponseWrapper(
                        response) {
                    @Override
                    public void addHeader(String name, String value) {
                        super.addHeader(name, HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)
                                ? cookies.apply(value, request) : value);
                    }
                };
                super.setLocale(request, marking, locale == null ? null : Locales.supported(locale.toLanguageTag()));
            }
        };
        resolver.setDefaultLocaleFunction(request -> Locales.fromAcceptLanguage(request.getHeader("Accept-Language")));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** Ahead of the security filters (order -100), which read API keys and staff accounts from the database. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(PlayerDeskProperties properties,
            ProblemResponses problems) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailableFilter(properties.retryAfter(), problems));
        registration.setOrder(-110);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /**
     * Static files under their own paths only (Spring Boot's catch-all mapping is switched off
     * with {@code spring.web.resources.add-mappings: false}). With a catch-all, every link a page
     * builds, such as each ticket of an inbox, was first looked for as a static file on the class
     * path, because the resource chain rewrites links: hundreds of class-path look-ups per page.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        for (String folder : new String[] { "css", "js", "img" }) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true);
        }
    }
}
