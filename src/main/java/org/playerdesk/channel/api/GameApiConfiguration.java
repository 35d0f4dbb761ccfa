package org.playerdesk.channel.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.ProblemResponses;
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
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/** The game API's body limit, its error answers outside controllers, and its OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "PlayerDesk API", version = "v1",
        description = "The game API (/api/v1): game servers report players' tickets, read them back, pass on "
                + "follow-ups and read the notice feed (announcements and outage notices), with the game's API key. Beside it, the JSON endpoints that "
                + "players' pages and departments' systems call: the help center's article suggestions, the live "
                + "chat's player API and the one-time department answer URL. Errors are RFC 9457 problem details; "
                + "absent values are left out of the JSON, never sent as null. Versioning: docs/api.md.",
        contact = @Contact(name = "PlayerDesk", url = "https://github.com/playerdesk/playerdesk"),
        license = @License(name = "Apache-2.0", identifier = "Apache-2.0")),
        servers = @Server(url = "http://localhost:8080", description = "The demo workspace; use your PlayerDesk's address"))
@SecurityScheme(name = GameApiConfiguration.SECURITY_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The game's API key, created in the console under Admin → API keys: "
                + "'Authorization: Bearer <key>'.")
class GameApiConfiguration {

    static final String SECURITY_SCHEME = "gameApiKey";

    @Bean
    FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(PlayerDeskProperties properties, ProblemResponses problems) {
        FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(
                new ApiBodyLimit(properties.api().maxBody().toBytes(), problems));
        // the live chat's player API is as public as the game API: its JSON bodies have the same limit
        // (its image uploads have the multipart limits)
        registration.addUrlPatterns("/api/v1/*", "/chat/api/*");
        // after the security filters, so that a request without a valid key is refused unread
        registration.setOrder(0);
        return registration;
    }

    @Bean
    ApiProblemResolver apiProblemResolver(ProblemResponses problems) {
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

    /**
     * The answers every game API operation can give besides its own, declared once: a refused
     * address or header (400), no valid key (401), an Accept it cannot serve (406), the rate limit
     * (429), the database down (503); with a body, one too large (413) or not JSON (415).
     */
    @Bean
    OpenApiCustomizer gameApiCommonAnswers() {
        return openApi -> {
            openApi.getComponents().setResponses(new TreeMap<>(Map.of(
                    "BadRequest", problem("The address or a header holds characters that are not allowed (bad-request)."),
                    "Unauthorized", problem("No API key, or one that is unknown or revoked.")
                            .addHeaderObject("WWW-Authenticate", header("Bearer")),
                    "NotAcceptable", problem("The Accept header allows none of the types this operation answers."),
                    "TooLarge", problem("The body is larger than the limit (256 KB by default); nothing was stored."),
                    "UnsupportedMediaType", problem("The body is not application/json."),
                    "TooManyRequests", problem("The API key made more requests than its rate limit allows; nothing "
                            + "was done. Retry after the seconds in Retry-After.")
                            .addHeaderObject("Retry-After", header("Seconds to wait.")),
                    "Unavailable", problem("The database is unavailable; nothing was stored. Retry after the seconds "
                            + "in Retry-After.").addHeaderObject("Retry-After", header("Seconds to wait.")))));
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/v1/")) {
                    return;
                }
                item.readOperations().forEach(operation -> {
                    ApiResponses answers = operation.getResponses();
                    common(answers, "400", "BadRequest");
                    common(answers, "401", "Unauthorized");
                    common(answers, "406", "NotAcceptable");
                    common(answers, "429", "TooManyRequests");
                    common(answers, "503", "Unavailable");
                    if (operation.getRequestBody() != null) {
                        common(answers, "413", "TooLarge");
                        common(answers, "415", "UnsupportedMediaType");
                    }
                });
            });
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new Schema<>().type("string"));
    }

    private static void common(ApiResponses answers, String status, String name) {
        answers.putIfAbsent(status, new ApiResponse().$ref("#/components/responses/" + name));
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
