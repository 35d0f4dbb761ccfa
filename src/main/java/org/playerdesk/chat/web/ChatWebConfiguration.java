package org.playerdesk.chat.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The widget's files: plain JavaScript and CSS, no build step, served from {@code static/chat}. */
@Configuration(proxyBeanMethods = false)
class ChatWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/chat/assets/**").addResourceLocations("classpath:/static/chat/")
                .resourceChain(true);
    }
}
