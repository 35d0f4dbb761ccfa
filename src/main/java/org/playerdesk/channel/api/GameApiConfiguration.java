package org.playerdesk.channel.api;

import java.util.Arrays;
import java.util.List;

import org.playerdesk.system.Coded;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/** The game API's body limit, its error answers outside controllers, and its OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "PlayerDesk game API", version = "v1",
        description = "Server-to-server API for game backends: report players' tickets, read them back, pass on "
                + "follow-ups. Errors are RFC 9457 problem details. See docs/api.md."))
@SecurityScheme(name = GameApiConfiguration.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The game's API key, created in the console under Admin → API keys: "
                + "'Authorization: Bearer <key>'.")
class GameApiConfiguration {

    static final String SECURITY_SCHEME = "gameApiKey";

    @Bean
    ApiProblems apiProblems(JsonMapper json) {
        return new ApiProblems(json);
    }

    @Bean
    FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(PlayerDeskProperties properties, ApiProblems problems) {
        FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(
                new ApiBodyLimit(properties.api().maxBody().toBytes(), problems));
        registration.addUrlPatterns("/api/v1/*");
        // after the security filters, so that a request without a valid key is refused unread
        registration.setOrder(0);
        return registration;
    }

    @Bean
    ApiProblemResolver apiProblemResolver(ApiProblems problems) {
        return new ApiProblemResolver(problems);
    }

    /** The valid codes come from the enums themselves, so the document cannot fall behind them. */
    @Bean
    OpenApiCustomizer gameApiCodes() {
        return openApi -> {
            var schemas = openApi.getComponents().getSchemas();
            codes(schemas.get("NewTicket"), "type", TicketType.class);
            codes(schemas.get("NewTicket"), "channel", TicketChannel.class);
            codes(schemas.get("NewTicket"), "priority", TicketPriority.class);
            codes(schemas.get("Ticket"), "type", TicketType.class);
            codes(schemas.get("Ticket"), "channel", TicketChannel.class);
            codes(schemas.get("Ticket"), "priority", TicketPriority.class);
            codes(schemas.get("Ticket"), "status", TicketStatus.class);
            codes(schemas.get("Message"), "authorKind", Actor.Kind.class);
        };
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <E extends Enum<E> & Coded> void codes(Schema<?> schema, String property, Class<E> type) {
        if (schema == null || schema.getProperties() == null || schema.getProperties().get(property) == null) {
            return;
        }
        List<String> codes = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        ((Schema) schema.getProperties().get(property)).setEnum(codes);
    }
}
