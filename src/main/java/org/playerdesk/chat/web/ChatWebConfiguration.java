package org.playerdesk.chat.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.webjars.WebJarVersionLocator;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The widget's files: plain JavaScript and CSS, no build step, served from {@code static/chat};
 * and the STOMP client they talk through, {@code @stomp/stompjs} from its WebJar, at the address
 * game pages embed ({@code /chat/assets/stomp.js}).
 */
@Configuration(proxyBeanMethods = false)
class ChatWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/chat/assets/**").addResourceLocations("classpath:/static/chat/")
                .resourceChain(true).addResolver(new StompClient());
    }

    /** {@code stomp.js}: the library's browser bundle, whatever its version. */
    static final class StompClient extends AbstractResourceResolver {

        static final String PATH = "stomp.js";

        private final Resource bundle = new ClassPathResource(
                new WebJarVersionLocator().fullPath("stomp__stompjs", "bundles/stomp.umd.min.js"));

        @Override
        protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return PATH.equals(requestPath) ? bundle : chain.resolveResource(request, requestPath, locations);
        }

        @Override
        protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return PATH.equals(resourceUrlPath) ? resourceUrlPath : chain.resolveUrlPath(resourceUrlPath, locations);
        }
    }
}
